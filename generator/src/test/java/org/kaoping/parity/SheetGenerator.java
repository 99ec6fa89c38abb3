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
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random sheets for a rubric, biased to the edges of every rule kind: zero, counts at and around
 * caps, amounts at min and max, thresholds at the boundary and one step either side, completion
 * at 0, at target and at the zeroBelow boundary, every level, below/at/above target, escalating
 * counts, not-applicable entries, given scores at 0 and at the maximum, vetoes and station attributes.
 * Its sheets are meant to score; {@link RefusedSheets} breaks them one thing at a time.
 */
final class SheetGenerator {
    static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private final Rubric rubric;
    private final SplittableRandom rnd;
    private final BigDecimal unit;
    private final BigDecimal step;
    private Map<String, String> attrs;
    /** This sheet's per-station targets: "criterion/rule" → target (as the period would give them). */
    private Map<String, BigDecimal> targets;

    SheetGenerator(Rubric rubric, SplittableRandom rnd) {
        this.rubric = rubric;
        this.rnd = rnd;
        this.unit = BigDecimal.ONE.movePointLeft(rubric.scale());
        this.step = rubric.effectiveStep();
    }

    ObjectNode valid(int n) {
        attrs = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeDefinition> a : rubric.attributes().entrySet()) {
            if (rnd.nextInt(100) < 88) {
                List<String> values = new ArrayList<>(a.getValue().values().keySet());
                values.sort(null);
                attrs.put(a.getKey(), values.get(rnd.nextInt(values.size())));
            }
        }
        ObjectNode sheet = F.objectNode();
        sheet.put("rubric", rubric.id());
        if (rnd.nextInt(10) > 0) {
            sheet.put("station", "s" + n);
        }
        if (!attrs.isEmpty() || rnd.nextBoolean()) {
            ObjectNode a = sheet.putObject("attributes");
            attrs.forEach(a::put);
        }
        targets = new LinkedHashMap<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                for (Rule rule : c.rules()) {
                    if (rule instanceof Rule.Targeted t && t.perStation() && rnd.nextInt(100) < 90) {
                        targets.put(c.id() + "/" + rule.id(), target());
                    }
                }
            }
        }
        if (!targets.isEmpty() || rnd.nextInt(10) == 0) {
            ObjectNode t = sheet.putObject("targets");
            targets.forEach((k, v) -> t.set(k, F.numberNode(v)));
        }
        ObjectNode criteria = sheet.putObject("criteria");
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                ObjectNode entry = entry(s, c);
                if (entry != null) {
                    criteria.set(c.id(), entry);
                }
            }
        }
        if (!rubric.vetoes().isEmpty() && rnd.nextInt(10) == 0) {
            ArrayNode v = sheet.putArray("vetoes");
            int k = 1 + rnd.nextInt(2);
            for (int i = 0; i < k; i++) {
                v.add(rubric.vetoes().get(rnd.nextInt(rubric.vetoes().size())).id());
            }
        } else if (rnd.nextBoolean()) {
            sheet.putArray("vetoes");
        }
        return sheet;
    }

    /** Whether the criterion applies to this sheet's attributes (as they stand: a refused sheet may change them). */
    boolean applicable(Criterion c) {
        return c.appliesTo() == null || c.appliesTo().appliesTo(attrs);
    }

    private ObjectNode entry(Section s, Criterion c) {
        int r = rnd.nextInt(100);
        if (!applicable(c)) {
            return r < 40 ? null : r < 80 ? na() : reason(F.objectNode());
        }
        if (r < 7) {
            return null;
        }
        if (r < 12) {
            return na();
        }
        if (r < 14) {
            return reason(F.objectNode());
        }
        boolean direct = c.rules().isEmpty() ? r < 85 : r < 28;
        if (direct) {
            BigDecimal v = given(s, c);
            if (v == null) {
                return null;
            }
            ObjectNode e = F.objectNode();
            e.set("score", F.numberNode(v));
            return rnd.nextInt(4) == 0 ? reason(e) : e;
        }
        ObjectNode e = F.objectNode();
        ObjectNode inputs = e.putObject("inputs");
        for (Rule rule : c.rules()) {
            if (rnd.nextInt(100) < 12) {
                continue;
            }
            JsonNode v = input(s, c, rule);
            if (rule instanceof Rule.Targeted t && t.perStation() && !targets.containsKey(c.id() + "/" + rule.id())) {
                v = null; // no target for this station: the rule cannot be given an input
            }
            if (v != null) {
                inputs.set(rule.id(), v);
            }
        }
        if (inputs.isEmpty() && rnd.nextBoolean()) {
            e.remove("inputs");
        }
        return rnd.nextInt(5) == 0 ? reason(e) : e;
    }

    private ObjectNode na() {
        ObjectNode e = F.objectNode();
        e.put("notApplicable", true);
        return rnd.nextInt(3) == 0 ? reason(e) : e;
    }

    private ObjectNode reason(ObjectNode e) {
        e.put("reason", "原因 " + rnd.nextInt(1000));
        return e;
    }

    /** A directly given score within the criterion's bounds, on the step: 0, the maximum, or between. */
    private BigDecimal given(Section s, Criterion c) {
        BigDecimal lo;
        BigDecimal hi;
        switch (s.kind()) {
            case SCORE -> {
                lo = BigDecimal.ZERO;
                hi = c.ceiling();
            }
            case BONUS -> {
                lo = BigDecimal.ZERO;
                hi = c.points() == null ? BigDecimal.TEN : c.points();
            }
            default -> {
                lo = c.points() == null ? BigDecimal.TEN.negate() : c.points().negate();
                hi = BigDecimal.ZERO;
            }
        }
        BigDecimal v = multipleIn(lo, hi);
        if (v != null && rnd.nextInt(8) == 0) {
            v = v.setScale(v.scale() + 1); // "2.50": trailing zeros are still the same value
        }
        return v;
    }

    private BigDecimal multipleIn(BigDecimal lo, BigDecimal hi) {
        BigInteger kmin = lo.divide(step, 0, RoundingMode.CEILING).toBigInteger();
        BigInteger kmax = hi.divide(step, 0, RoundingMode.FLOOR).toBigInteger();
        if (kmin.compareTo(kmax) > 0) {
            return null;
        }
        int r = rnd.nextInt(10);
        BigInteger k;
        if (r < 3) {
            k = kmin;
        } else if (r < 6) {
            k = kmax;
        } else {
            long span = kmax.subtract(kmin).min(BigInteger.valueOf(1_000_000)).longValueExact();
            k = kmin.add(BigInteger.valueOf(rnd.nextLong(span + 1)));
        }
        return step.multiply(new BigDecimal(k));
    }

    private JsonNode input(Section s, Criterion c, Rule rule) {
        if (rule instanceof Rule.PerCount r) {
            return count(near(r.per(), r.cap(), 0));
        } else if (rule instanceof Rule.Zeroing) {
            return F.booleanNode(rnd.nextInt(100) < 15);
        } else if (rule instanceof Rule.Discretionary r) {
            return discretionaryAmount(r);
        } else if (rule instanceof Rule.CompletionRatio r) {
            BigDecimal target = targetFor(c, r);
            return target == null ? null : F.numberNode(achieved(target, r.zeroBelow()));
        } else if (rule instanceof Rule.ExcessRatio r) {
            BigDecimal target = targetFor(c, r);
            if (target == null) {
                return null;
            }
            // at, below, just above, and where the award reaches its cap: target × (1 + cap / per)
            BigDecimal atCap = target.add(target.multiply(r.cap()).divide(r.per(), 3, RoundingMode.CEILING));
            BigDecimal[] around = {target, target.add(unit), atCap, atCap.add(BigDecimal.ONE), atCap.subtract(unit)};
            return F.numberNode(rnd.nextInt(3) == 0 ? achieved(target, null) : around[rnd.nextInt(around.length)].max(BigDecimal.ZERO));
        } else if (rule instanceof Rule.EarnPerCount r) {
            BigDecimal scope = r.part() != null ? c.part(r.part()).orElseThrow().budget()
                    : c.points() == null ? BigDecimal.ZERO : c.points();
            return count(near(r.per(), r.cap() == null ? scope : r.cap().min(scope), 0));
        } else if (rule instanceof Rule.DiscretionaryEach r) {
            ArrayNode a = F.arrayNode();
            int len = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(4);
            for (int i = 0; i < len; i++) {
                BigDecimal v = multipleIn(r.min(), r.max()); // min, max or between, on the step
                if (v != null) {
                    a.add(v);
                }
            }
            return a;
        } else if (rule instanceof Rule.DiscretionaryIf r) {
            ObjectNode o = F.objectNode();
            BigDecimal bound = r.atLeast() != null ? r.atLeast() : r.atMost();
            BigDecimal value = aroundBoundary(bound);
            boolean holds = r.atLeast() != null ? value.compareTo(r.atLeast()) < 0 : value.compareTo(r.atMost()) > 0;
            if (rnd.nextInt(10) > 0) {
                o.set("value", F.numberNode(value));
            }
            if (holds && o.has("value") && rnd.nextInt(10) < 7) {
                JsonNode a = discretionaryAmount(new Rule.Discretionary(r.id(), r.text(), null, null, null, r.min(), r.max()));
                o.set("amount", a);
            } else if (rnd.nextBoolean()) {
                o.set("amount", F.numberNode(0));
            }
            return o;
        } else if (rule instanceof Rule.Direct r) {
            BigDecimal scope = r.part() != null ? c.part(r.part()).orElseThrow().budget()
                    : s.kind() == SectionKind.SCORE && c.points() != null ? c.points() : BigDecimal.ZERO;
            BigDecimal v = multipleIn(BigDecimal.ZERO, scope);
            return v == null ? null : F.numberNode(v);
        } else if (rule instanceof Rule.Threshold r) {
            return F.numberNode(aroundBoundary(r.atLeast() != null ? r.atLeast() : r.atMost()));
        } else if (rule instanceof Rule.Levels r) {
            int i = rnd.nextInt(10) < 3 ? (rnd.nextBoolean() ? 0 : r.levels().size() - 1) : rnd.nextInt(r.levels().size());
            return F.textNode(r.levels().get(i).code());
        } else if (rule instanceof Rule.AwardPerCount r) {
            return count(near(r.per(), r.cap(), 0));
        } else if (rule instanceof Rule.Symmetric r) {
            return count(aroundTarget(r.target(), r.per(), r.cap(), r.cap()));
        } else if (rule instanceof Rule.OverTarget r) {
            return count(aroundTarget(r.target(), r.per(), r.cap(), r.bonusCap()));
        } else if (rule instanceof Rule.Escalating r) {
            ArrayNode a = F.arrayNode();
            int len = rnd.nextInt(r.steps().size() + 1);
            for (int i = 0; i < len; i++) {
                a.add(i == 0 && r.cap() != null && rnd.nextBoolean() ? near(r.steps().get(0), r.cap(), 0) : rnd.nextInt(4));
            }
            return a;
        }
        throw new IllegalStateException("unhandled kind " + rule);
    }

    private BigDecimal targetFor(Criterion c, Rule.Targeted r) {
        if (r.target() != null) {
            return r.target();
        }
        if (r.perStation()) {
            return targets.get(c.id() + "/" + r.id());
        }
        return attrs.get(r.attribute()) == null ? null : r.targets().get(attrs.get(r.attribute()));
    }

    /** A target as a station might have one: whole or with the scale's decimals. */
    private BigDecimal target() {
        return rnd.nextBoolean() ? BigDecimal.valueOf(1 + rnd.nextInt(200))
                : unit.multiply(BigDecimal.valueOf(1 + rnd.nextInt(3000)));
    }

    /** A count: written as an integer, now and then as 3.0 (still a whole number). */
    private JsonNode count(long n) {
        if (rnd.nextInt(30) == 0) {
            return F.numberNode(BigDecimal.valueOf(n).setScale(1));
        }
        return F.numberNode(n);
    }

    /** Counts at and around where count × per reaches cap, zero, small and (rarely) huge ones. */
    private long near(BigDecimal per, BigDecimal cap, long offset) {
        int r = rnd.nextInt(100);
        if (r == 0) {
            return Integer.MAX_VALUE;
        }
        if (cap != null && r < 50) {
            long kf = cap.divide(per, 0, RoundingMode.FLOOR).longValueExact();
            long kc = cap.divide(per, 0, RoundingMode.CEILING).longValueExact();
            long[] c = {kf - 1, kf, kf + 1, kc, kc + 1};
            return Math.max(0, offset + c[rnd.nextInt(c.length)]);
        }
        if (r < 65) {
            return offset;
        }
        if (r < 75) {
            return offset + 1;
        }
        return offset + rnd.nextInt(25);
    }

    private long aroundTarget(int target, BigDecimal per, BigDecimal deductCap, BigDecimal awardCap) {
        int r = rnd.nextInt(10);
        if (r < 3) {
            return Math.max(0, target + rnd.nextInt(3) - 1);
        }
        if (r < 5 && awardCap != null) {
            return near(per, awardCap, target);
        }
        if (r < 7 && deductCap != null) {
            long k = deductCap.divide(per, 0, rnd.nextBoolean() ? RoundingMode.FLOOR : RoundingMode.CEILING).longValueExact();
            return Math.max(0, target - k + rnd.nextInt(3) - 1);
        }
        if (r < 8) {
            return 0;
        }
        return rnd.nextInt(2 * target + 10);
    }

    private JsonNode discretionaryAmount(Rule.Discretionary r) {
        int k = rnd.nextInt(10);
        if (k < 3) {
            return F.numberNode(0);
        }
        BigDecimal lo = r.min().signum() == 0 ? step : r.min();
        if (k < 5 && isMultiple(r.min()) && r.min().signum() > 0) {
            return F.numberNode(r.min());
        }
        if (k < 7 && isMultiple(r.max())) {
            return F.numberNode(r.max());
        }
        BigDecimal v = multipleIn(lo, r.max());
        return F.numberNode(v == null ? BigDecimal.ZERO : v);
    }

    boolean isMultiple(BigDecimal v) {
        return v.remainder(step).signum() == 0;
    }

    private BigDecimal achieved(BigDecimal target, BigDecimal zeroBelow) {
        int r = rnd.nextInt(12);
        BigDecimal[] tiny = {BigDecimal.ONE, unit, new BigDecimal("0.001")};
        BigDecimal d = tiny[rnd.nextInt(tiny.length)];
        BigDecimal v = switch (r) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> target;
            case 2 -> target.add(BigDecimal.valueOf(rnd.nextInt(1, 20)));
            case 3 -> zeroBelow == null ? target.subtract(d) : zeroBelow.multiply(target);
            case 4 -> zeroBelow == null ? target.subtract(unit) : zeroBelow.multiply(target).subtract(d);
            case 5 -> zeroBelow == null ? BigDecimal.ONE : zeroBelow.multiply(target).add(d);
            case 6, 7 -> new BigDecimal(target.multiply(BigDecimal.valueOf(rnd.nextInt(1001)))
                    .setScale(0, RoundingMode.DOWN).toBigInteger()).movePointLeft(3);
            default -> target.multiply(BigDecimal.valueOf(rnd.nextInt(101))).movePointLeft(2)
                    .setScale(rnd.nextInt(3), RoundingMode.DOWN);
        };
        return v.signum() < 0 ? BigDecimal.ZERO : v;
    }

    private BigDecimal aroundBoundary(BigDecimal b) {
        BigDecimal[] tiny = {BigDecimal.ONE, unit, unit.movePointLeft(2)};
        BigDecimal d = tiny[rnd.nextInt(tiny.length)];
        BigDecimal v = switch (rnd.nextInt(6)) {
            case 0 -> b;
            case 1 -> b.subtract(d);
            case 2 -> b.add(d);
            case 3 -> BigDecimal.ZERO;
            default -> b.multiply(BigDecimal.valueOf(rnd.nextInt(201))).movePointLeft(2);
        };
        return v.signum() < 0 ? BigDecimal.ZERO : v;
    }

    /** The last sheet's attributes, live: {@link RefusedSheets} changes them to make a criterion not applicable. */
    Map<String, String> attributes() {
        return attrs;
    }

    Rubric rubric() {
        return rubric;
    }

    SplittableRandom random() {
        return rnd;
    }

    /** The rubric's step: a given score must be a multiple of it. */
    BigDecimal step() {
        return step;
    }
}
