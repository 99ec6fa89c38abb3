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

/**
 * A sheet bound straight from the parser's tokens, in one pass over the file's UTF-8 bytes, when it is certainly
 * fine: well-formed UTF-8, every token within {@link TextRules}, the shape {@link SheetShape} vouches for, no text
 * {@link PrivateNames} would mark or warn about. A province's 80,000 sheets are so read without a decoded text, a
 * JSON tree or a second binding pass over it. At the first doubt it answers null, and the file is read the long way
 * ({@link FileLoader}), which words every finding as always: this class never says what is wrong, and whatever it
 * binds is what the long way binds ({@code SheetTokensTest} holds the two to that on seeded mutants).
 */
final class SheetTokens {
    /** Thrown at the first doubt, caught by {@link #read}: no stack trace, it is not an error. */
    private static final class Doubt extends RuntimeException {
        Doubt() {
            super(null, null, false, false);
        }
    }

    private static final Doubt DOUBT = new Doubt();

    /** A criterion's rule input as the long way's tree holds it (the reader reads one value, not to the end). */
    private static final ObjectReader NODES = StrictJson.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser p;

    private SheetTokens(JsonParser p) {
        this.p = p;
    }

    /**
     * The sheet, or null when anything about it is in doubt.
     *
     * @param utf8 the file's bytes without a byte order mark
     */
    static Sheet read(byte[] utf8) {
        if (!plainUtf8(utf8)) {
            return null;
        }
        try (JsonParser parser = new JsonSource.CheckedTokens(StrictJson.mapper().getFactory().createParser(utf8))) {
            SheetTokens tokens = new SheetTokens(parser);
            Sheet sheet = tokens.sheet();
            return parser.nextToken() == null ? sheet : null; // nothing after the sheet
        } catch (IOException | RuntimeException e) {
            return null; // a syntax error, a TextRules bound (CheckedTokens), or a doubt
        }
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

    /** An array of texts, or of ids. */
    private List<String> texts(JsonToken t, boolean internal, boolean ids) throws IOException {
        expect(t == JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = text(item, internal);
            expect(!ids || SheetShape.isId(s));
            out.add(s);
        }
        return out;
    }

    private String id(JsonToken t, boolean internal) throws IOException {
        String s = text(t, internal);
        expect(SheetShape.isId(s));
        return s;
    }

    private String text(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.VALUE_STRING);
        String s = p.getText();
        expect(PrivateNames.plain(s, internal));
        return s;
    }

    private static String nonEmpty(String s) {
        expect(!s.isEmpty());
        return s;
    }

    /**
     * A number as the long way binds it: its tree holds an integer as such and a decimal with its trailing zeros
     * dropped (Jackson's default for decimal nodes), and the record takes the node's BigDecimal.
     */
    private BigDecimal number(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDecimalValue();
        }
        expect(t == JsonToken.VALUE_NUMBER_FLOAT);
        return p.getDecimalValue().stripTrailingZeros();
    }

    private static void expect(boolean certain) {
        if (!certain) {
            throw DOUBT;
        }
    }

    /**
     * Well-formed UTF-8 (as the strict decoder of {@link JsonSource#decode} accepts it: no overlong form, no
     * surrogate, nothing past U+10FFFF) with no NUL byte, starting with an ASCII character. The parser then reads
     * the bytes as UTF-8 with no guess at another encoding (it would take NULs for UTF-16), and any text it accepts
     * is one the long way decodes to the same characters.
     */
    static boolean plainUtf8(byte[] b) {
        if (b.length == 0 || b[0] <= 0) {
            return false;
        }
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return false;
                }
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + n >= b.length) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int x = b[i + k] & 0xFF;
                if (x < 0x80 || x > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
