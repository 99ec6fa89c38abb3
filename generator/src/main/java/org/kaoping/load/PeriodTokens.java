package org.kaoping.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.kaoping.model.Period;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kaoping.load.Doubt.DOUBT;
import static org.kaoping.load.Doubt.expect;

/**
 * A period bound straight from its tokens ({@link TokenBinding}) when it is certainly fine as
 * {@code period.schema.json} has it. A province's period file lists 10,000 results, and the long way decoded it,
 * built its tree, walked the tree for the schema and for private names, then bound it again. Only the parts a
 * province's periods use are read so: a period with an assessment, a publication, reviews or targets (a county's,
 * a few kilobytes) is read the long way. {@code PeriodTokensTest} holds it to the long way on seeded mutants.
 */
final class PeriodTokens extends TokenBinding {
    private PeriodTokens(JsonParser p) {
        super(p);
    }

    /**
     * The period, or null when anything about it is in doubt.
     *
     * @param utf8 the file's bytes without a byte order mark
     */
    static Period read(byte[] utf8) {
        return read(utf8, parser -> new PeriodTokens(parser).period());
    }

    private Period period() throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        String id = null;
        String title = null;
        String type = null;
        Integer year = null;
        Integer quarter = null;
        String rubric = null;
        String previous = null;
        Period.DateRange assessed = null;
        String source = null;
        List<Period.Result> results = null;
        List<Period.Finding> findings = null;
        List<String> notes = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            boolean internal = PrivateNames.isInternalField(key);
            switch (key) {
                case "id" -> id = id(t, internal);
                case "title" -> title = nonEmpty(text(t, internal));
                case "type" -> {
                    type = text(t, internal);
                    expect(type.equals("annual") || type.equals("quarter") || type.equals("half-year"));
                }
                case "year" -> year = integer(t, 1990, 2100);
                case "quarter" -> quarter = integer(t, 1, 4);
                case "rubric" -> rubric = id(t, internal);
                case "previous" -> previous = id(t, internal);
                case "assessed" -> assessed = assessed(t, internal);
                case "source" -> source = nonEmpty(text(t, internal));
                case "results" -> results = results(t, internal);
                case "findings" -> findings = findings(t, internal);
                case "notes" -> notes = texts(t, internal, false);
                default -> throw DOUBT; // assessment, publication, reviews, targets, or not in the schema
            }
        }
        expect(id != null && title != null && type != null && year != null && source != null && results != null);
        return new Period(id, title, type, year, quarter, rubric, previous, assessed, source, null, results, findings,
                null, null, notes, null);
    }

    private Period.DateRange assessed(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        String from = null;
        String to = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean in = internal || PrivateNames.isInternalField(key);
            switch (key) {
                case "from" -> from = date(v, in);
                case "to" -> to = date(v, in);
                default -> throw DOUBT;
            }
        }
        expect(from != null && to != null);
        return new Period.DateRange(from, to);
    }

    private String date(JsonToken t, boolean internal) throws IOException {
        String s = text(t, internal);
        expect(SheetShape.isDate(s));
        return s;
    }

    /** At least one result. */
    private List<Period.Result> results(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_ARRAY);
        List<Period.Result> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(result(item, internal));
        }
        expect(!out.isEmpty());
        return out;
    }

    private Period.Result result(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        String station = null;
        String printedName = null;
        Map<String, BigDecimal> components = null;
        Map<String, List<String>> raters = null;
        Map<String, Integer> bonuses = null;
        Period.Published published = null;
        String mainReasons = null;
        List<String> vetoes = null;
        List<String> disqualifiers = null;
        List<String> notes = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean in = internal || PrivateNames.isInternalField(key);
            switch (key) {
                case "station" -> station = nonEmpty(text(v, in));
                case "printedName" -> printedName = nonEmpty(text(v, in));
                case "components" -> components = components(v);
                case "raters" -> raters = raters(v, in);
                case "bonuses" -> bonuses = bonuses(v);
                case "published" -> published = published(v);
                case "mainReasons" -> mainReasons = text(v, in);
                case "vetoes" -> vetoes = texts(v, in, false);
                case "disqualifiers" -> disqualifiers = texts(v, in, false);
                case "notes" -> notes = texts(v, in, false);
                default -> throw DOUBT;
            }
        }
        expect(station != null);
        return new Period.Result(station, printedName, components, raters, bonuses, published, mainReasons, vetoes,
                disqualifiers, notes);
    }

    /** Any keys, numbers. */
    private Map<String, BigDecimal> components(JsonToken t) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            out.put(key, number(p.nextToken()));
        }
        return out;
    }

    /** Any keys, whole numbers from 0. */
    private Map<String, Integer> bonuses(JsonToken t) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, Integer> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            out.put(key, integer(p.nextToken(), 0, Integer.MAX_VALUE));
        }
        return out;
    }

    /** Any keys, arrays of texts (under a key such as notes, texts no public page shows). */
    private Map<String, List<String>> raters(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            out.put(key, texts(p.nextToken(), internal || PrivateNames.isInternalField(key), false));
        }
        return out;
    }

    private Period.Published published(JsonToken t) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        BigDecimal total = null;
        Integer place = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "total" -> total = number(v);
                case "place" -> place = integer(v, 1, Integer.MAX_VALUE);
                default -> throw DOUBT;
            }
        }
        return new Period.Published(total, place);
    }

    /** The report's problems by section: a section (not empty) and three optional texts. */
    private List<Period.Finding> findings(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_ARRAY);
        List<Period.Finding> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(item == JsonToken.START_OBJECT);
            String section = null;
            String common = null;
            String individual = null;
            String measures = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                boolean in = internal || PrivateNames.isInternalField(key);
                switch (key) {
                    case "section" -> section = nonEmpty(text(v, in));
                    case "common" -> common = text(v, in);
                    case "individual" -> individual = text(v, in);
                    case "measures" -> measures = text(v, in);
                    default -> throw DOUBT;
                }
            }
            expect(section != null);
            out.add(new Period.Finding(section, common, individual, measures));
        }
        return out;
    }
}
