package org.kaoping.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.kaoping.model.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kaoping.load.Doubt.DOUBT;
import static org.kaoping.load.Doubt.expect;

/**
 * A sheet bound straight from its tokens ({@link TokenBinding}) when it is certainly fine: the shape
 * {@link SheetShape} vouches for. A province's 80,000 sheets are so read without a decoded text, a JSON tree or a
 * second binding pass over it; {@code SheetTokensTest} holds it to the long way on seeded mutants.
 */
final class SheetTokens extends TokenBinding {
    /** A criterion's rule input as the long way's tree holds it (the reader reads one value, not to the end). */
    private static final ObjectReader NODES = StrictJson.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SheetTokens(JsonParser p) {
        super(p);
    }

    /**
     * The sheet, or null when anything about it is in doubt.
     *
     * @param utf8 the file's bytes without a byte order mark
     */
    static Sheet read(byte[] utf8) {
        return read(utf8, parser -> new SheetTokens(parser).sheet());
    }

    private Sheet sheet() throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        String rubric = null;
        String fingerprint = null;
        String station = null;
        String period = null;
        String unit = null;
        String date = null;
        Map<String, String> attributes = null;
        Map<String, Sheet.Entry> criteria = null;
        List<String> vetoes = null;
        BigDecimal recordedTotal = null;
        Sheet.Signatures signatures = null;
        List<Sheet.Correction> corrections = null;
        List<String> notes = null;
        Map<String, BigDecimal> targets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            boolean internal = PrivateNames.isInternalField(key);
            switch (key) {
                case "rubric" -> rubric = id(t, internal);
                case "period" -> period = id(t, internal);
                case "fingerprint" -> {
                    fingerprint = text(t, internal);
                    expect(SheetShape.isFingerprint(fingerprint));
                }
                case "station" -> {
                    station = text(t, internal);
                    expect(!station.isEmpty());
                }
                case "unit" -> unit = text(t, internal);
                case "date" -> {
                    date = text(t, internal);
                    expect(SheetShape.isDate(date));
                }
                case "attributes" -> attributes = attributes(t, internal);
                case "criteria" -> criteria = criteria(t, internal);
                case "vetoes" -> vetoes = texts(t, internal, true);
                case "targets" -> targets = targets(t);
                case "recordedTotal" -> recordedTotal = number(t);
                case "signatures" -> signatures = signatures(t, internal);
                case "corrections" -> corrections = corrections(t, internal);
                case "notes" -> notes = texts(t, internal, false);
                default -> throw DOUBT; // not in the schema: additionalProperties is false
            }
        }
        expect(rubric != null && criteria != null);
        return new Sheet(rubric, fingerprint, station, period, unit, date, attributes, criteria, vetoes, recordedTotal,
                signatures, corrections, notes, targets);
    }

    private Map<String, Sheet.Entry> criteria(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, Sheet.Entry> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            expect(SheetShape.isId(id));
            out.put(id, entry(p.nextToken(), internal || PrivateNames.isInternalField(id)));
        }
        return out;
    }

    /** One criterion's entry; at most one of score, inputs and notApplicable (the schema's oneOf). */
    private Sheet.Entry entry(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        BigDecimal score = null;
        Map<String, JsonNode> inputs = null;
        Boolean notApplicable = null;
        String reason = null;
        int kinds = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean in = internal || PrivateNames.isInternalField(key);
            switch (key) {
                case "score" -> score = number(v);
                case "inputs" -> inputs = inputs(v, in);
                case "notApplicable" -> {
                    expect(v == JsonToken.VALUE_TRUE);
                    notApplicable = Boolean.TRUE;
                }
                case "reason" -> reason = text(v, in);
                default -> throw DOUBT;
            }
            if (!key.equals("reason")) {
                kinds++;
            }
        }
        expect(kinds <= 1);
        return new Sheet.Entry(score, inputs, notApplicable, reason);
    }

    private Map<String, JsonNode> inputs(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            expect(v != JsonToken.VALUE_NULL); // any other kind of value (SheetShape)
            JsonNode node = NODES.readValue(p); // through CheckedTokens, as the tree is read
            expect(PrivateNames.plain(node, internal || PrivateNames.isInternalField(key)));
            out.put(key, node);
        }
        return out;
    }

    private Map<String, String> attributes(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String value = text(p.nextToken(), internal || PrivateNames.isInternalField(key));
            expect(SheetShape.isAttribute(value));
            out.put(key, value);
        }
        return out;
    }

    /** "criterion/rule" → target. */
    private Map<String, BigDecimal> targets(JsonToken t) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int slash = key.indexOf('/');
            expect(slash >= 0 && SheetShape.isId(key.substring(0, slash)) && SheetShape.isId(key.substring(slash + 1)));
            out.put(key, number(p.nextToken()));
        }
        return out;
    }

    private Sheet.Signatures signatures(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_OBJECT);
        String unitHead = null;
        String leader = null;
        List<String> members = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean in = internal || PrivateNames.isInternalField(key);
            switch (key) {
                case "unitHead" -> unitHead = v == JsonToken.VALUE_NULL ? null : text(v, in);
                case "leader" -> leader = v == JsonToken.VALUE_NULL ? null : text(v, in);
                case "members" -> members = texts(v, in, false);
                default -> throw DOUBT;
            }
        }
        return new Sheet.Signatures(unitHead, members, leader);
    }

    /** Each correction has all five keys and no other. */
    private List<Sheet.Correction> corrections(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.START_ARRAY);
        List<Sheet.Correction> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(item == JsonToken.START_OBJECT);
            String criterion = null;
            BigDecimal recorded = null;
            BigDecimal corrected = null;
            String quote = null;
            String note = null;
            int keys = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                boolean in = internal || PrivateNames.isInternalField(key);
                switch (key) {
                    case "criterion" -> criterion = text(v, in);
                    case "recorded" -> recorded = number(v);
                    case "corrected" -> corrected = number(v);
                    case "quote" -> quote = nonEmpty(text(v, in));
                    case "note" -> note = nonEmpty(text(v, in));
                    default -> throw DOUBT;
                }
                keys++;
            }
            expect(keys == 5); // five known keys, none twice (the parser refuses duplicates)
            out.add(new Sheet.Correction(criterion, recorded, corrected, quote, note));
        }
        return out;
    }
}
