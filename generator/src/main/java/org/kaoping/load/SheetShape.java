package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A quick test that a sheet's tree certainly satisfies {@code sheet.schema.json}, so that the schema
 * validator (a third of a province build's CPU, for 80,000 sheets that are almost all valid) runs only
 * on a sheet that may break it. It answers "certainly valid" or "ask the validator", never "invalid":
 * every finding, and its wording, still comes from the schema. It may be stricter than the schema (a
 * pattern is matched character by character, with no line-terminator leniency), never more lenient;
 * {@code SheetShapeTest} holds it to that on mutated sheets, so a schema change that it misses fails there.
 */
final class SheetShape {
    private static final Set<String> CORRECTION = Set.of("criterion", "recorded", "corrected", "quote", "note");

    private SheetShape() {
    }

    /** True only if the schema validator would find nothing wrong with {@code tree}. */
    static boolean conforms(JsonNode tree) {
        if (!tree.isObject() || !tree.has("rubric") || !tree.has("criteria")) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "rubric", "period" -> v.isTextual() && isId(v.textValue());
                case "fingerprint" -> v.isTextual() && isFingerprint(v.textValue());
                case "station" -> v.isTextual() && !v.textValue().isEmpty();
                case "unit" -> v.isTextual();
                case "date" -> v.isTextual() && isDate(v.textValue());
                case "attributes" -> attributes(v);
                case "criteria" -> criteria(v);
                case "vetoes" -> arrayOf(v, "id");
                case "targets" -> targets(v);
                case "recordedTotal" -> v.isNumber();
                case "signatures" -> signatures(v);
                case "corrections" -> corrections(v);
                case "notes" -> arrayOf(v, "text");
                default -> false; // not in the schema: additionalProperties is false
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean criteria(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isId(e.getKey()) || !entry(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** One criterion's entry: known keys of the right types, and at most one of score, inputs, notApplicable (the oneOf). */
    private static boolean entry(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        int kinds = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "score" -> x.isNumber();
                case "inputs" -> inputs(x);
                case "notApplicable" -> x.isBoolean() && x.booleanValue();
                case "reason" -> x.isTextual();
                default -> false;
            };
            if (!ok) {
                return false;
            }
            if (!e.getKey().equals("reason")) {
                kinds++;
            }
        }
        return kinds <= 1;
    }

    private static boolean inputs(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!(x.isNumber() || x.isBoolean() || x.isTextual() || x.isArray() || x.isObject())) {
                return false;
            }
        }
        return true;
    }

    private static boolean attributes(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isTextual() || !isAttribute(x.textValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean targets(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            int slash = k.indexOf('/');
            if (slash < 0 || !isId(k.substring(0, slash)) || !isId(k.substring(slash + 1)) || !e.getValue().isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean signatures(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "unitHead", "leader" -> x.isTextual() || x.isNull();
                case "members" -> arrayOf(x, "text");
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean corrections(JsonNode v) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode c : v) {
            if (!c.isObject() || c.size() != CORRECTION.size()) {
                return false;
            }
            for (Iterator<String> names = c.fieldNames(); names.hasNext(); ) {
                if (!CORRECTION.contains(names.next())) {
                    return false;
                }
            }
            if (!c.get("criterion").isTextual() || !c.get("recorded").isNumber() || !c.get("corrected").isNumber()
                    || !nonEmptyText(c.get("quote")) || !nonEmptyText(c.get("note"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nonEmptyText(JsonNode v) {
        return v.isTextual() && !v.textValue().isEmpty();
    }

    /** An array of strings: plain texts, or ids. */
    private static boolean arrayOf(JsonNode v, String kind) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isTextual() || (kind.equals("id") && !isId(x.textValue()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[a-z0-9][a-z0-9.-]*$} */
    static boolean isId(String s) {
        if (s.isEmpty() || !lowerOrDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[a-zA-Z][a-zA-Z0-9-]*$} */
    static boolean isAttribute(String s) {
        if (s.isEmpty() || !letter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!letter(c) && !digit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[0-9a-f]{8,64}$} */
    static boolean isFingerprint(String s) {
        if (s.length() < 8 || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!digit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^\d{4}-\d{2}-\d{2}$}, ASCII digits only */
    static boolean isDate(String s) {
        if (s.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : !digit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || digit(c);
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
