package org.kaoping.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Malformed sheets for a rubric, seeded: a valid random sheet ({@link SheetGenerator#valid}) with one
 * thing broken at some level — the whole sheet, a top-level field, attributes, the criteria map, an
 * entry, a score, the inputs, one input, signatures, corrections, notes — by a wrong type, an unknown
 * key, a missing key, a malformed id or date, an empty text, or a number beyond what either engine
 * can hold (1e400, which the browser's JSON.parse makes Infinity). A few edge values both engines
 * accept (an amount of 999999999.999999 or 0.0000001, a recorded total of 1e400) keep the bounds honest.
 */
final class MalformedSheets {
    private static final JsonNodeFactory F = SheetGenerator.F;

    /** One case: {@code refused} when both engines must refuse it, else both must score it alike. */
    record Malformed(String what, JsonNode sheet, boolean refused) {
    }

    private final Rubric rubric;
    private final SplittableRandom rnd;
    private final SheetGenerator valid;

    MalformedSheets(Rubric rubric, SplittableRandom rnd) {
        this.rubric = rubric;
        this.rnd = rnd;
        this.valid = new SheetGenerator(rubric, rnd);
    }

    Malformed next(int n) {
        ObjectNode sheet = valid.valid(n);
        List<Supplier<Malformed>> kinds = List.of(
                () -> wholeSheet(sheet),
                () -> unknownKey(sheet, sheet, "$"),
                () -> refused("no criteria", without(sheet, "criteria")),
                () -> topLevelType(sheet),
                () -> topLevelType(sheet),
                () -> topLevelFormat(sheet),
                () -> attributes(sheet),
                () -> criterionKey(sheet),
                () -> entryType(sheet),
                () -> unknownKey(sheet, entry(sheet), "entry"),
                () -> scoreType(sheet),
                () -> inputs(sheet),
                () -> notApplicable(sheet),
                () -> reason(sheet),
                () -> together(sheet),
                () -> vetoes(sheet),
                () -> signatures(sheet),
                () -> corrections(sheet),
                () -> notes(sheet),
                () -> hugeScore(sheet),
                () -> hugeInput(sheet),
                () -> hugeInput(sheet),
                () -> acceptedEdge(sheet));
        for (int attempt = 0; ; attempt++) {
            Malformed m = kinds.get(rnd.nextInt(kinds.size())).get();
            if (m != null) {
                return m;
            }
            if (attempt > 100) {
                throw new IllegalStateException("no malformation applies to rubric " + rubric.id());
            }
        }
    }

    // ------------------------------------------------------------------ values

    private <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private JsonNode anyOf(JsonNode... options) {
        return pick(List.of(options)).deepCopy();
    }

    private JsonNode notText() {
        return anyOf(F.numberNode(5), F.booleanNode(true), F.nullNode(), F.arrayNode().add("a"), F.objectNode());
    }

    private JsonNode notObject() {
        return anyOf(F.arrayNode(), F.arrayNode().add(1), F.textNode("x"), F.numberNode(1), F.booleanNode(false),
                F.nullNode());
    }

    private JsonNode notArray() {
        return anyOf(F.textNode("x"), F.numberNode(0), F.objectNode(), F.booleanNode(true), F.nullNode());
    }

    private JsonNode notNumber() {
        return anyOf(F.textNode("1"), F.booleanNode(true), F.nullNode(), F.arrayNode().add(1), F.objectNode());
    }

    private JsonNode badId() {
        return F.textNode(pick(List.of("Lushan", "", "-a", "a_b", "a b", "乙", "a/b", "a\n", ".a")));
    }

    private static JsonNode num(String decimal) {
        return F.numberNode(new BigDecimal(decimal));
    }

    private static Malformed refused(String what, JsonNode sheet) {
        return new Malformed(what, sheet, true);
    }

    private static ObjectNode without(ObjectNode o, String key) {
        o.remove(key);
        return o;
    }

    private ObjectNode criteria(ObjectNode sheet) {
        return (ObjectNode) sheet.get("criteria");
    }

    /** A criterion entry of the sheet (an existing one or a new empty one), to break. */
    private ObjectNode entry(ObjectNode sheet) {
        ObjectNode criteria = criteria(sheet);
        List<String> ids = new ArrayList<>();
        criteria.fieldNames().forEachRemaining(ids::add);
        if (ids.isEmpty() || rnd.nextInt(4) == 0) {
            Criterion c = pick(rubric.allCriteria());
            return criteria.putObject(c.id());
        }
        return (ObjectNode) criteria.get(pick(ids));
    }

    // ------------------------------------------------------------------ malformations

    private Malformed wholeSheet(ObjectNode sheet) {
        JsonNode whole = anyOf(F.arrayNode(), F.arrayNode().add(sheet), F.textNode("x"), F.numberNode(5),
                F.booleanNode(true), F.nullNode());
        return refused("the sheet is " + whole.getNodeType(), whole);
    }

    private Malformed unknownKey(ObjectNode sheet, ObjectNode where, String what) {
        String key = pick(List.of("foo", "Criteria", "points", "__proto__", "constructor", "toString", "", "分数",
                "score ", "notes2"));
        if (where.has(key)) {
            return null;
        }
        where.set(key, anyOf(F.numberNode(1), F.textNode("x"), F.objectNode(), F.nullNode()));
        return refused("unknown key \"" + key + "\" in " + what, sheet);
    }

    private Malformed topLevelType(ObjectNode sheet) {
        String field = pick(List.of("rubric", "fingerprint", "station", "period", "unit", "date", "attributes",
                "criteria", "vetoes", "recordedTotal", "signatures", "corrections", "notes"));
        JsonNode bad = switch (field) {
            case "attributes", "criteria", "signatures" -> notObject();
            case "vetoes", "corrections", "notes" -> notArray();
            case "recordedTotal" -> notNumber();
            default -> notText();
        };
        sheet.set(field, bad);
        return refused(field + " = " + bad, sheet);
    }

    private Malformed topLevelFormat(ObjectNode sheet) {
        switch (rnd.nextInt(5)) {
            case 0 -> sheet.set("rubric", badId());
            case 1 -> sheet.set("period", badId());
            case 2 -> sheet.put("date", pick(List.of("2023-1-1", "2023/01/01", "23-01-01", "２０２３-01-01",
                    "2023-01-01\n", "")));
            case 3 -> sheet.put("fingerprint", pick(List.of("ABCDEF12", "abc", "g0000000", "")));
            default -> sheet.put("station", "");
        }
        return refused("malformed text field", sheet);
    }

    private Malformed attributes(ObjectNode sheet) {
        ObjectNode a = sheet.has("attributes") ? (ObjectNode) sheet.get("attributes") : sheet.putObject("attributes");
        String name = a.size() > 0 && rnd.nextBoolean() ? a.fieldNames().next() : "size";
        JsonNode bad = rnd.nextBoolean() ? notText() : F.textNode(pick(List.of("大", "1a", "", "a b", "large\n", "a_b")));
        a.set(name, bad);
        return refused("attribute " + name + " = " + bad, sheet);
    }

    private Malformed criterionKey(ObjectNode sheet) {
        String key = pick(List.of("A", "x_1", "", " 1", "1.1 ", "—", "1,1", "-1"));
        criteria(sheet).set(key, rnd.nextBoolean() ? F.objectNode() : F.objectNode().put("score", 0));
        return refused("criterion key \"" + key + "\"", sheet);
    }

    private Malformed entryType(ObjectNode sheet) {
        Criterion c = pick(rubric.allCriteria());
        JsonNode bad = notObject();
        criteria(sheet).set(c.id(), bad);
        return refused("entry " + c.id() + " = " + bad, sheet);
    }

    private Malformed scoreType(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        e.removeAll();
        JsonNode bad = notNumber();
        e.set("score", bad);
        return refused("score = " + bad, sheet);
    }

    private Malformed inputs(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        e.remove(List.of("score", "notApplicable"));
        if (rnd.nextBoolean()) {
            JsonNode bad = anyOf(F.arrayNode(), F.textNode("x"), F.numberNode(1), F.nullNode(), F.booleanNode(true));
            e.set("inputs", bad);
            return refused("inputs = " + bad, sheet);
        }
        ObjectNode inputs = e.has("inputs") ? (ObjectNode) e.get("inputs") : e.putObject("inputs");
        String rule = inputs.size() > 0 && rnd.nextBoolean() ? inputs.fieldNames().next() : "r";
        JsonNode bad = anyOf(F.nullNode(), F.objectNode(), F.objectNode().put("a", 1));
        inputs.set(rule, bad);
        return refused("input " + rule + " = " + bad, sheet);
    }

    private Malformed notApplicable(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        e.removeAll();
        JsonNode bad = anyOf(F.booleanNode(false), F.textNode("true"), F.numberNode(1), F.nullNode(), F.arrayNode());
        e.set("notApplicable", bad);
        return refused("notApplicable = " + bad, sheet);
    }

    private Malformed reason(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        JsonNode bad = notText();
        e.set("reason", bad);
        return refused("reason = " + bad, sheet);
    }

    private Malformed together(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        e.removeAll();
        switch (rnd.nextInt(4)) {
            case 0 -> {
                e.put("score", 0);
                e.putObject("inputs");
            }
            case 1 -> {
                e.put("score", 0);
                e.putObject("inputs").put("r", 1);
            }
            case 2 -> {
                e.put("notApplicable", true);
                e.put("score", 0);
            }
            default -> {
                e.put("notApplicable", true);
                e.putObject("inputs");
            }
        }
        return refused("two of score, inputs, notApplicable: " + e, sheet);
    }

    private Malformed vetoes(ObjectNode sheet) {
        ArrayNode v = sheet.putArray("vetoes");
        if (!rubric.vetoes().isEmpty() && rnd.nextBoolean()) {
            v.add(rubric.vetoes().get(0).id());
        }
        JsonNode bad = rnd.nextBoolean() ? notText() : badId();
        v.add(bad);
        return refused("veto " + bad, sheet);
    }

    private Malformed signatures(ObjectNode sheet) {
        ObjectNode s = F.objectNode();
        s.putNull("unitHead");
        s.putArray("members").add("张三");
        s.put("leader", "李四");
        switch (rnd.nextInt(5)) {
            case 0 -> s.put("secretary", "王五");
            case 1 -> s.set("unitHead", anyOf(F.numberNode(5), F.arrayNode(), F.objectNode(), F.booleanNode(true)));
            case 2 -> s.set("members", notArray());
            case 3 -> ((ArrayNode) s.get("members")).add(notText());
            default -> s.set("leader", anyOf(F.numberNode(5), F.arrayNode().add("x"), F.objectNode()));
        }
        sheet.set("signatures", s);
        return refused("signatures " + s, sheet);
    }

    private Malformed corrections(ObjectNode sheet) {
        ObjectNode c = F.objectNode();
        c.put("criterion", "1.1");
        c.put("recorded", 1);
        c.put("corrected", 2);
        c.put("quote", "原文");
        c.put("note", "说明");
        switch (rnd.nextInt(6)) {
            case 0 -> c.remove(pick(List.of("criterion", "recorded", "corrected", "quote", "note")));
            case 1 -> c.set(pick(List.of("recorded", "corrected")), notNumber());
            case 2 -> c.put(pick(List.of("quote", "note")), "");
            case 3 -> c.set(pick(List.of("criterion", "quote", "note")), notText());
            case 4 -> c.put("by", "x");
            default -> {
                sheet.putArray("corrections").add(notObject());
                return refused("a correction that is no object", sheet);
            }
        }
        sheet.putArray("corrections").add(c);
        return refused("correction " + c, sheet);
    }

    private Malformed notes(ObjectNode sheet) {
        ArrayNode n = sheet.putArray("notes");
        n.add("说明");
        n.add(notText());
        return refused("notes " + n, sheet);
    }

    /** A given score no engine can hold or no criterion allows: out of range in both. */
    private Malformed hugeScore(ObjectNode sheet) {
        ObjectNode e = entry(sheet);
        e.removeAll();
        JsonNode v = anyOf(num("1e400"), num("-1e400"), num("1e300"), num("-1e300"), num("1e10"), num("-1e10"));
        e.set("score", v);
        return refused("score " + v, sheet);
    }

    private record Input(Criterion criterion, Rule rule) {
    }

    private List<Input> inputsOf(Rule.InputType type) {
        List<Input> out = new ArrayList<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                for (Rule r : c.rules()) {
                    if (r.inputType() == type) {
                        out.add(new Input(c, r));
                    }
                }
            }
        }
        return out;
    }

    /** A count or an amount beyond its bound (or beyond a double), as a rule's input. */
    private Malformed hugeInput(ObjectNode sheet) {
        boolean count = rnd.nextBoolean();
        List<Input> candidates = inputsOf(count ? Rule.InputType.COUNT : Rule.InputType.AMOUNT);
        if (candidates.isEmpty()) {
            return null;
        }
        Input in = pick(candidates);
        JsonNode v = count
                ? anyOf(num("1e400"), num("1e300"), num("2147483648"), num("9007199254740993"), num("1e15"), num("-1e400"))
                : anyOf(num("1e400"), num("1e300"), num("1e10"), num("1000000000"), num("-1e400"), num("-1e300"),
                        num("-0.0000001"));
        ObjectNode e = criteria(sheet).putObject(in.criterion().id());
        e.putObject("inputs").set(in.rule().id(), v);
        return refused("input " + in.criterion().id() + "/" + in.rule().id() + " = " + v, sheet);
    }

    /** Values at the bounds that both engines accept: they must score them alike. */
    private Malformed acceptedEdge(ObjectNode sheet) {
        if (rnd.nextBoolean()) {
            sheet.set("recordedTotal", anyOf(num("1e400"), num("-1e400"), num("0.1"), num("1e-7")));
            return new Malformed("recordedTotal " + sheet.get("recordedTotal"), sheet, false);
        }
        Map<String, String> attrs = new HashMap<>();
        JsonNode a = sheet.path("attributes");
        a.fieldNames().forEachRemaining(k -> attrs.put(k, a.get(k).asText()));
        List<Input> candidates = new ArrayList<>();
        for (Input in : inputsOf(Rule.InputType.AMOUNT)) {
            Criterion c = in.criterion();
            boolean applies = c.appliesTo() == null || c.appliesTo().appliesTo(attrs);
            boolean scorable = in.rule() instanceof Rule.Threshold
                    || in.rule() instanceof Rule.CompletionRatio r
                    && (r.target() != null || r.targets().containsKey(String.valueOf(attrs.get(r.attribute()))));
            if (applies && scorable) {
                candidates.add(in);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Input in = pick(candidates);
        ObjectNode e = criteria(sheet).putObject(in.criterion().id());
        JsonNode v = anyOf(num("999999999.999999"), num("0.0000001"), num("123456.5"));
        e.putObject("inputs").set(in.rule().id(), v);
        return new Malformed("amount " + v + " for " + in.criterion().id() + "/" + in.rule().id(), sheet, false);
    }
}
