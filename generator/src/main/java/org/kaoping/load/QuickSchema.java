package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A cautious reading of Kaoping's own JSON Schemas: for the keywords they use (type, properties, required,
 * additionalProperties, items, enum, const, numeric bounds, pattern, lengths, local $ref and the boolean
 * combinators) it says whether a tree is certainly valid, certainly invalid, or that it cannot tell. Only
 * "certainly valid" is acted on: such a file skips the schema validator, whose start-up (five schemas,
 * ~250 classes) was a tenth of the sample site's build. Anything it cannot decide exactly as the validator
 * would — a keyword it does not know, a remote $ref, a decimal where an integer is asked for, a comparison
 * of unlike numbers, text with surrogate pairs — is "cannot tell", and the validator words the findings as
 * always. {@code QuickSchemaTest} holds "certainly valid" to "the validator finds nothing" (and "certainly
 * invalid" to "it finds something") on every shipped file and on seeded mutations of them.
 */
final class QuickSchema {
    enum Verdict { VALID, INVALID, UNKNOWN }

    /** Keywords that only annotate: they never make an instance invalid. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
            "description", "examples", "default");

    private final JsonNode root;
    /** Every schema by its id ("kaoping:period.schema.json"), for a $ref into another one's $defs. */
    private final Map<String, JsonNode> documents;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** @param documents the schemas a $ref may name, by id (the root among them or not) */
    QuickSchema(JsonNode root, Map<String, JsonNode> documents) {
        this.root = root;
        this.documents = Map.copyOf(documents);
    }

    /** True only when the validator would certainly find nothing wrong with {@code instance}. */
    boolean certainlyValid(JsonNode instance) {
        return verdict(root, instance, 0, root) == Verdict.VALID;
    }

    Verdict verdict(JsonNode instance) {
        return verdict(root, instance, 0, root);
    }

    /** @param doc the schema document {@code schema} stands in, which its local $refs name */
    private Verdict verdict(JsonNode schema, JsonNode node, int depth, JsonNode doc) {
        if (depth > 200) {
            return Verdict.UNKNOWN; // a $ref cycle or an absurdly deep file: not for a quick path
        }
        if (schema.isBoolean()) {
            return schema.booleanValue() ? Verdict.VALID : Verdict.INVALID;
        }
        if (!schema.isObject()) {
            return Verdict.UNKNOWN;
        }
        Verdict result = Verdict.VALID;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            if (ANNOTATIONS.contains(keyword) || keyword.equals("then") || keyword.equals("else")) {
                continue; // then/else are taken with their if
            }
            Verdict v = keyword(keyword, e.getValue(), schema, node, depth, doc);
            if (v == Verdict.INVALID) {
                return Verdict.INVALID;
            }
            if (v == Verdict.UNKNOWN) {
                result = Verdict.UNKNOWN;
            }
        }
        return result;
    }

    private Verdict keyword(String keyword, JsonNode value, JsonNode schema, JsonNode node, int depth, JsonNode doc) {
        switch (keyword) {
            case "type":
                return type(value, node);
            case "$ref":
                if (!value.isTextual()) {
                    return Verdict.UNKNOWN;
                }
                String ref = value.textValue();
                int hash = ref.indexOf('#');
                JsonNode document = hash == 0 ? doc : hash > 0 ? documents.get(ref.substring(0, hash)) : null;
                String fragment = hash < 0 ? "" : ref.substring(hash + 1);
                JsonNode target = document == null || !fragment.startsWith("/$defs/") ? null
                        : document.path("$defs").get(fragment.substring("/$defs/".length()));
                return target == null ? Verdict.UNKNOWN : verdict(target, node, depth + 1, document);
            case "properties":
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                return all(value, node, depth, doc);
            case "additionalProperties":
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                JsonNode declared = schema.path("properties");
                Verdict v = Verdict.VALID;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!declared.has(f.getKey())) {
                        v = and(v, verdict(value, f.getValue(), depth + 1, doc));
                        if (v == Verdict.INVALID) {
                            return v;
                        }
                    }
                }
                return v;
            case "required":
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                for (JsonNode name : value) {
                    if (!name.isTextual()) {
                        return Verdict.UNKNOWN;
                    }
                    if (!node.has(name.textValue())) {
                        return Verdict.INVALID;
                    }
                }
                return Verdict.VALID;
            case "propertyNames":
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                Verdict names = Verdict.VALID;
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names = and(names, verdict(value, com.fasterxml.jackson.databind.node.TextNode.valueOf(it.next()),
                            depth + 1, doc));
                    if (names == Verdict.INVALID) {
                        return names;
                    }
                }
                return names;
            case "minProperties":
                return !node.isObject() ? Verdict.VALID : !value.canConvertToExactIntegral() ? Verdict.UNKNOWN
                        : node.size() >= value.asLong() ? Verdict.VALID : Verdict.INVALID;
            case "items":
                if (!node.isArray()) {
                    return Verdict.VALID;
                }
                Verdict items = Verdict.VALID;
                for (JsonNode item : node) {
                    items = and(items, verdict(value, item, depth + 1, doc));
                    if (items == Verdict.INVALID) {
                        return items;
                    }
                }
                return items;
            case "minItems":
                return !node.isArray() ? Verdict.VALID : !value.canConvertToExactIntegral() ? Verdict.UNKNOWN
                        : node.size() >= value.asLong() ? Verdict.VALID : Verdict.INVALID;
            case "enum":
                Verdict found = Verdict.INVALID;
                for (JsonNode option : value) {
                    Verdict same = same(option, node);
                    if (same == Verdict.VALID) {
                        return same;
                    }
                    if (same == Verdict.UNKNOWN) {
                        found = Verdict.UNKNOWN;
                    }
                }
                return found;
            case "const":
                return same(value, node);
            case "minimum":
                return bound(value, node, 0, true);
            case "maximum":
                return bound(value, node, 0, false);
            case "exclusiveMinimum":
                return bound(value, node, 1, true);
            case "pattern":
                if (!node.isTextual()) {
                    return Verdict.VALID;
                }
                if (!value.isTextual()) {
                    return Verdict.UNKNOWN;
                }
                // Searched (not matched) in the text, as the validator does; but java.util.regex's $ also matches
                // before a final line break, which the validator's does not ("a\n" against ^[a-z]+$): a text with a
                // line terminator is left to the validator.
                if (hasLineTerminator(node.textValue())) {
                    return Verdict.UNKNOWN;
                }
                Pattern p = patterns.computeIfAbsent(value.textValue(), Pattern::compile);
                return p.matcher(node.textValue()).find() ? Verdict.VALID : Verdict.INVALID;
            case "minLength":
            case "maxLength":
                if (!node.isTextual()) {
                    return Verdict.VALID;
                }
                if (!value.canConvertToExactIntegral() || hasSurrogates(node.textValue())) {
                    return Verdict.UNKNOWN;
                }
                int length = node.textValue().length();
                boolean ok = keyword.equals("minLength") ? length >= value.asLong() : length <= value.asLong();
                return ok ? Verdict.VALID : Verdict.INVALID;
            case "allOf":
                Verdict allOf = Verdict.VALID;
                for (JsonNode s : value) {
                    allOf = and(allOf, verdict(s, node, depth + 1, doc));
                    if (allOf == Verdict.INVALID) {
                        return allOf;
                    }
                }
                return allOf;
            case "anyOf":
                Verdict anyOf = Verdict.INVALID;
                for (JsonNode s : value) {
                    Verdict one = verdict(s, node, depth + 1, doc);
                    if (one == Verdict.VALID) {
                        return one;
                    }
                    if (one == Verdict.UNKNOWN) {
                        anyOf = Verdict.UNKNOWN;
                    }
                }
                return anyOf;
            case "oneOf":
                int valid = 0;
                for (JsonNode s : value) {
                    Verdict one = verdict(s, node, depth + 1, doc);
                    if (one == Verdict.UNKNOWN) {
                        return one;
                    }
                    if (one == Verdict.VALID) {
                        valid++;
                    }
                }
                return valid == 1 ? Verdict.VALID : Verdict.INVALID;
            case "not":
                Verdict not = verdict(value, node, depth + 1, doc);
                return not == Verdict.VALID ? Verdict.INVALID : not == Verdict.INVALID ? Verdict.VALID : not;
            case "if":
                Verdict condition = verdict(value, node, depth + 1, doc);
                if (condition == Verdict.UNKNOWN) {
                    return condition;
                }
                JsonNode branch = schema.get(condition == Verdict.VALID ? "then" : "else");
                return branch == null ? Verdict.VALID : verdict(branch, node, depth + 1, doc);
            default:
                return Verdict.UNKNOWN;
        }
    }

    private Verdict all(JsonNode properties, JsonNode node, int depth, JsonNode doc) {
        Verdict v = Verdict.VALID;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode value = node.get(p.getKey());
            if (value != null) {
                v = and(v, verdict(p.getValue(), value, depth + 1, doc));
                if (v == Verdict.INVALID) {
                    return v;
                }
            }
        }
        return v;
    }

    private static Verdict and(Verdict a, Verdict b) {
        return a == Verdict.INVALID || b == Verdict.INVALID ? Verdict.INVALID
                : a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
    }

    private static Verdict type(JsonNode type, JsonNode node) {
        if (type.isTextual()) {
            return isType(type.textValue(), node);
        }
        if (!type.isArray()) {
            return Verdict.UNKNOWN;
        }
        Verdict v = Verdict.INVALID;
        for (JsonNode t : type) {
            Verdict one = t.isTextual() ? isType(t.textValue(), node) : Verdict.UNKNOWN;
            if (one == Verdict.VALID) {
                return one;
            }
            if (one == Verdict.UNKNOWN) {
                v = one;
            }
        }
        return v;
    }

    private static Verdict isType(String type, JsonNode node) {
        return switch (type) {
            case "object" -> yes(node.isObject());
            case "array" -> yes(node.isArray());
            case "string" -> yes(node.isTextual());
            case "boolean" -> yes(node.isBoolean());
            case "null" -> yes(node.isNull());
            case "number" -> yes(node.isNumber());
            // A decimal with no fraction counts as an integer in the schema's dialect: left to the validator.
            case "integer" -> node.isIntegralNumber() ? Verdict.VALID : node.isNumber() ? Verdict.UNKNOWN : Verdict.INVALID;
            default -> Verdict.UNKNOWN;
        };
    }

    private static Verdict yes(boolean b) {
        return b ? Verdict.VALID : Verdict.INVALID;
    }

    /** JSON equality for the kinds of value the schemas name (texts, booleans, null, integers); else unknown. */
    private static Verdict same(JsonNode expected, JsonNode node) {
        if (expected.isTextual() || expected.isBoolean() || expected.isNull()) {
            if (node.isNumber() && !node.isIntegralNumber()) {
                return Verdict.UNKNOWN;
            }
            return yes(expected.equals(node));
        }
        if (expected.isIntegralNumber() && node.isIntegralNumber()) {
            return yes(expected.bigIntegerValue().equals(node.bigIntegerValue()));
        }
        if (expected.isIntegralNumber() && (node.isTextual() || node.isBoolean() || node.isNull()
                || node.isObject() || node.isArray())) {
            return Verdict.INVALID;
        }
        return Verdict.UNKNOWN;
    }

    /** A numeric bound ({@code exclusive}: 1 for exclusiveMinimum); a bound ignores anything but numbers. */
    private static Verdict bound(JsonNode limit, JsonNode node, int exclusive, boolean lower) {
        if (!node.isNumber()) {
            return Verdict.VALID;
        }
        if (!limit.isNumber()) {
            return Verdict.UNKNOWN;
        }
        BigDecimal value = node.decimalValue();
        int c = value.compareTo(limit.decimalValue());
        boolean ok = lower ? c > 0 || (c == 0 && exclusive == 0) : c <= 0;
        return yes(ok);
    }

    /** The characters java.util.regex counts as ending a line (for $ without MULTILINE). */
    private static boolean hasLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
