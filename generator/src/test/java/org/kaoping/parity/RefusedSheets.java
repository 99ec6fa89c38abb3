package org.kaoping.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.model.AttributeDefinition;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Sheets with exactly one thing wrong that the scorer (not the schema) must refuse: a {@link SheetGenerator} sheet,
 * then one error of twelve kinds (a bad input three times as often as the others): an unknown criterion, veto or
 * rule, a criterion scored although not applicable (marked so, or by the station's attributes), a score and inputs
 * together, a score out of range or off the step, a bad input for the rule's kind, a missing target or target
 * attribute, what only the newer kinds refuse. Made from the generator's random numbers, in turn with its valid
 * sheets, so a seed gives the same cases.
 */
final class RefusedSheets {
    private static final JsonNodeFactory F = SheetGenerator.F;

    /** One case: what is wrong, and the sheet. */
    record Refused(String what, ObjectNode sheet) {
    }

    private final SheetGenerator generator;
    private final Rubric rubric;
    private final SplittableRandom rnd;
    private final BigDecimal step;

    RefusedSheets(SheetGenerator generator) {
        this.generator = generator;
        this.rubric = generator.rubric();
        this.rnd = generator.random();
        this.step = generator.step();
    }

    private Map<String, String> attrs() {
        return generator.attributes();
    }

    /** A valid sheet with exactly one thing wrong, {@code n} its station's number. */
    Refused next(int n) {
        for (int attempt = 0; attempt < 50; attempt++) {
            ObjectNode sheet = generator.valid(n);
            ObjectNode criteria = (ObjectNode) sheet.get("criteria");
            List<Supplier<String>> tries = List.of(
                    () -> unknownCriterion(criteria),
                    () -> unknownVeto(sheet),
                    () -> naAndScored(criteria),
                    () -> notApplicableByAttribute(sheet, criteria),
                    () -> scoreAndInputs(criteria),
                    () -> scoreOutOfRange(criteria),
                    () -> scoreOffStep(criteria),
                    () -> unknownRule(criteria),
                    () -> badInput(criteria),
                    () -> badInput(criteria),
                    () -> badInput(criteria),
                    () -> missingTargetAttribute(sheet, criteria),
                    () -> missingStationTarget(sheet, criteria),
                    () -> kindSpecific(criteria));
            String what = tries.get(rnd.nextInt(tries.size())).get();
            if (what != null) {
                return new Refused(what, sheet);
            }
        }
        throw new IllegalStateException("no mutation applies to rubric " + rubric.id());
    }

    private <T> T pick(List<T> from) {
        return from.isEmpty() ? null : from.get(rnd.nextInt(from.size()));
    }

    private record Placed(Section section, Criterion criterion) {
    }

    private Placed applicableCriterion(boolean withRules) {
        List<Placed> all = new ArrayList<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                if (generator.applicable(c) && (!withRules || !c.rules().isEmpty())) {
                    all.add(new Placed(s, c));
                }
            }
        }
        return pick(all);
    }

    private String unknownCriterion(ObjectNode criteria) {
        String id = pick(List.of("zz-unknown", "999", "x_1", "a.b", "constructor"));
        if (rubric.criterion(id).isPresent()) {
            return null;
        }
        ObjectNode e = criteria.putObject(id);
        e.put("score", 0);
        return "unknown criterion " + id;
    }

    private String unknownVeto(ObjectNode sheet) {
        ArrayNode v = sheet.has("vetoes") ? (ArrayNode) sheet.get("vetoes") : sheet.putArray("vetoes");
        v.add("no-such-veto");
        return "unknown veto";
    }

    private String naAndScored(ObjectNode criteria) {
        Placed p = applicableCriterion(false);
        if (p == null) {
            return null;
        }
        ObjectNode e = criteria.putObject(p.criterion().id());
        e.put("notApplicable", true);
        if (p.criterion().rules().isEmpty() || rnd.nextBoolean()) {
            e.put("score", 0);
        } else {
            e.putObject("inputs").set(p.criterion().rules().get(0).id(), F.numberNode(0));
        }
        return "not applicable and scored: " + p.criterion().id();
    }

    private String notApplicableByAttribute(ObjectNode sheet, ObjectNode criteria) {
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                if (c.appliesTo() == null) {
                    continue;
                }
                AttributeDefinition def = rubric.attributes().get(c.appliesTo().attribute());
                String other = def == null ? null : def.values().keySet().stream().sorted()
                        .filter(v -> !c.appliesTo().values().contains(v)).findFirst().orElse(null);
                if (other == null) {
                    continue;
                }
                attrs().put(c.appliesTo().attribute(), other);
                ObjectNode a = F.objectNode();
                attrs().forEach(a::put);
                sheet.set("attributes", a);
                // other criteria may now be not applicable too; drop their entries so only this one is wrong
                for (Section s2 : rubric.sections()) {
                    for (Criterion c2 : s2.criteria()) {
                        if (!generator.applicable(c2)) {
                            criteria.remove(c2.id());
                        }
                    }
                }
                criteria.putObject(c.id()).put("score", 0);
                return "scored although not applicable to " + other + ": " + c.id();
            }
        }
        return null;
    }

    private String scoreAndInputs(ObjectNode criteria) {
        Placed p = applicableCriterion(false);
        if (p == null) {
            return null;
        }
        ObjectNode e = criteria.putObject(p.criterion().id());
        e.put("score", 0);
        e.putObject("inputs").put(p.criterion().rules().isEmpty() ? "x" : p.criterion().rules().get(0).id(), 1);
        return "score and inputs: " + p.criterion().id();
    }

    private String scoreOutOfRange(ObjectNode criteria) {
        Placed p = applicableCriterion(false);
        if (p == null) {
            return null;
        }
        Criterion c = p.criterion();
        BigDecimal v = switch (p.section().kind()) {
            case SCORE -> rnd.nextBoolean() ? c.ceiling().add(step) : step.negate();
            case BONUS -> c.points() != null && rnd.nextBoolean() ? c.points().add(step) : step.negate();
            case PENALTY -> c.points() != null && rnd.nextBoolean() ? c.points().add(step).negate() : step;
        };
        criteria.putObject(c.id()).set("score", F.numberNode(v));
        return "score out of range: " + c.id() + " = " + v.toPlainString();
    }

    private String scoreOffStep(ObjectNode criteria) {
        Placed p = applicableCriterion(false);
        if (p == null) {
            return null;
        }
        BigDecimal half = step.divide(BigDecimal.valueOf(2));
        BigDecimal v = p.section().kind() == SectionKind.PENALTY ? half.negate() : half;
        BigDecimal bound = p.section().kind() == SectionKind.SCORE ? p.criterion().ceiling() : p.criterion().points();
        if (bound != null && bound.compareTo(half) < 0) {
            return null;
        }
        criteria.putObject(p.criterion().id()).set("score", F.numberNode(v));
        return "score off step: " + p.criterion().id();
    }

    private String unknownRule(ObjectNode criteria) {
        Placed p = applicableCriterion(false);
        if (p == null) {
            return null;
        }
        criteria.putObject(p.criterion().id()).putObject("inputs").put("no-such-rule", 1);
        return "unknown rule in " + p.criterion().id();
    }

    private String badInput(ObjectNode criteria) {
        Placed p = applicableCriterion(true);
        if (p == null) {
            return null;
        }
        Criterion c = p.criterion();
        Rule rule = pick(c.rules());
        JsonNode bad = badValue(rule);
        if (bad == null) {
            return null;
        }
        JsonNode old = criteria.get(c.id());
        ObjectNode e = F.objectNode();
        ObjectNode inputs = e.putObject("inputs");
        if (old != null && old.has("inputs")) {
            inputs.setAll((ObjectNode) old.get("inputs"));
        }
        inputs.set(rule.id(), bad);
        criteria.set(c.id(), e);
        return "bad input " + c.id() + "/" + rule.id() + " = " + bad;
    }

    private JsonNode badValue(Rule rule) {
        List<JsonNode> options = new ArrayList<>();
        switch (rule.inputType()) {
            case COUNT -> options.addAll(List.of(F.textNode("3"), F.numberNode(-1), F.numberNode(new BigDecimal("1.5")),
                    F.booleanNode(true), F.numberNode(2147483648L), F.arrayNode().add(1)));
            case FLAG -> options.addAll(List.of(F.numberNode(1), F.textNode("true"), F.arrayNode()));
            case AMOUNT -> options.addAll(List.of(F.textNode("1"), F.numberNode(new BigDecimal("-0.5")),
                    F.booleanNode(false), F.objectNode()));
            case LEVEL -> options.addAll(List.of(F.textNode("ZZZ"), F.numberNode(1), F.textNode("")));
            case AMOUNTS -> options.addAll(List.of(F.numberNode(1), F.arrayNode().add(F.textNode("1")),
                    F.arrayNode().add(new BigDecimal("-1")), F.objectNode()));
            case VALUE_AMOUNT -> options.addAll(List.of(F.numberNode(1), F.arrayNode(), F.textNode("{}"),
                    F.objectNode().put("value", 1).put("extra", 1), F.objectNode().put("value", "1"),
                    F.objectNode().put("value", 1).put("amount", -1)));
            case COUNTS -> {
                options.addAll(List.of(F.numberNode(3), F.arrayNode().add(1).add(-1),
                        F.arrayNode().add(new BigDecimal("0.5")), F.textNode("[1]")));
                if (rule instanceof Rule.Escalating r) {
                    ArrayNode tooMany = F.arrayNode();
                    for (int i = 0; i <= r.steps().size(); i++) {
                        tooMany.add(0);
                    }
                    options.add(tooMany);
                }
            }
        }
        if (rule instanceof Rule.Discretionary r) {
            options.add(F.numberNode(r.max().add(step)));
            BigDecimal half = step.divide(BigDecimal.valueOf(2));
            BigDecimal off = (r.min().signum() == 0 ? BigDecimal.ZERO : r.min()).add(half);
            if (off.compareTo(r.max()) <= 0 && off.compareTo(r.min()) >= 0 && !generator.isMultiple(off)) {
                options.add(F.numberNode(off));
            }
            if (r.min().compareTo(step) > 0) {
                options.add(F.numberNode(r.min().subtract(step).max(step)));
            }
        }
        return pick(options);
    }

    /** A per-station rule given an input while the sheet gives no target for it. */
    private String missingStationTarget(ObjectNode sheet, ObjectNode criteria) {
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                if (!generator.applicable(c)) {
                    continue;
                }
                for (Rule rule : c.rules()) {
                    if (rule instanceof Rule.Targeted t && t.perStation()) {
                        String key = c.id() + "/" + rule.id();
                        if (sheet.has("targets")) {
                            ((ObjectNode) sheet.get("targets")).remove(key);
                        }
                        criteria.putObject(c.id()).putObject("inputs").put(rule.id(), 1);
                        return "no station target for " + key;
                    }
                }
            }
        }
        return null;
    }

    /** What only the new kinds refuse: an occurrence out of range, an amount without its condition, a score above its scope. */
    private String kindSpecific(ObjectNode criteria) {
        List<Object[]> found = new ArrayList<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                if (!generator.applicable(c)) {
                    continue;
                }
                for (Rule rule : c.rules()) {
                    if (rule instanceof Rule.DiscretionaryEach || rule instanceof Rule.DiscretionaryIf
                            || rule instanceof Rule.Direct) {
                        found.add(new Object[]{s, c, rule});
                    }
                }
            }
        }
        Object[] pick = pick(found);
        if (pick == null) {
            return null;
        }
        Section s = (Section) pick[0];
        Criterion c = (Criterion) pick[1];
        Rule rule = (Rule) pick[2];
        JsonNode bad;
        if (rule instanceof Rule.DiscretionaryEach r) {
            bad = F.arrayNode().add(r.min()).add(rnd.nextBoolean() ? r.max().add(step) : r.min().subtract(step));
        } else if (rule instanceof Rule.DiscretionaryIf r) {
            BigDecimal quiet = r.atLeast() != null ? r.atLeast() : r.atMost(); // at the bound: the condition does not hold
            bad = rnd.nextBoolean() ? F.objectNode().put("amount", r.max())
                    : F.objectNode().<ObjectNode>set("value", F.numberNode(quiet)).set("amount", F.numberNode(r.max()));
        } else {
            BigDecimal scope = rule.part() != null ? c.part(rule.part()).orElseThrow().budget()
                    : s.kind() == SectionKind.SCORE && c.points() != null ? c.points() : BigDecimal.ZERO;
            bad = F.numberNode(scope.add(step));
        }
        criteria.putObject(c.id()).putObject("inputs").set(rule.id(), bad);
        return "kind-specific " + c.id() + "/" + rule.id() + " = " + bad;
    }

    private String missingTargetAttribute(ObjectNode sheet, ObjectNode criteria) {
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                for (Rule rule : c.rules()) {
                    if (rule instanceof Rule.CompletionRatio r && r.attribute() != null) {
                        boolean unknown = rnd.nextBoolean();
                        if (unknown) {
                            attrs().put(r.attribute(), "unknown-value");
                        } else {
                            attrs().remove(r.attribute());
                        }
                        if (!generator.applicable(c)) {
                            continue;
                        }
                        ObjectNode a = F.objectNode();
                        attrs().forEach(a::put);
                        sheet.set("attributes", a);
                        for (Section s2 : rubric.sections()) {
                            for (Criterion c2 : s2.criteria()) {
                                if (!generator.applicable(c2)) {
                                    criteria.remove(c2.id());
                                }
                            }
                        }
                        criteria.putObject(c.id()).putObject("inputs").put(r.id(), 1);
                        return (unknown ? "unknown" : "missing") + " attribute " + r.attribute() + " for " + c.id();
                    }
                }
            }
        }
        return null;
    }
}
