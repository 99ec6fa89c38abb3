package org.kaoping.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Criterion;
import org.kaoping.model.HighestOnlyGroup;
import org.kaoping.model.Part;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.model.Veto;
import org.kaoping.model.VetoEffect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random rubrics and sheets covering every rule kind, for property tests. */
public final class RandomRubrics {
    private final SplittableRandom rnd;
    private int scale;
    private BigDecimal step;

    public RandomRubrics(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    private BigDecimal units(int n) {
        return step.multiply(BigDecimal.valueOf(n));
    }

    /** A positive multiple of the step up to {@code max}. */
    private BigDecimal upTo(BigDecimal max) {
        int maxUnits = max.divide(step, 0, RoundingMode.DOWN).intValueExact();
        return units(1 + rnd.nextInt(Math.max(1, maxUnits)));
    }

    public Rubric rubric() {
        scale = 1 + rnd.nextInt(2);
        step = BigDecimal.ONE.movePointLeft(scale);
        RoundingMode rounding = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN,
                RoundingMode.UP, RoundingMode.FLOOR, RoundingMode.CEILING).get(rnd.nextInt(6));
        List<Veto> vetoes = List.of(new Veto("v-void", "void", VetoEffect.VOID, null),
                new Veto("v-honours", "honours", VetoEffect.NO_HONOURS, null));
        List<Section> sections = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int nSections = 1 + rnd.nextInt(4);
        for (int s = 0; s < nSections; s++) {
            List<Criterion> criteria = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int c = 0; c < 1 + rnd.nextInt(4); c++) {
                Criterion cr = criterion("s" + s + "." + c, SectionKind.SCORE);
                criteria.add(cr);
                sum = sum.add(cr.points());
            }
            total = total.add(sum);
            sections.add(new Section("s" + s, String.valueOf(s + 1), "section " + s, SectionKind.SCORE, sum, null, null,
                    null, criteria, null));
        }
        if (rnd.nextBoolean()) {
            List<Criterion> criteria = new ArrayList<>();
            for (int c = 0; c < 2 + rnd.nextInt(2); c++) {
                criteria.add(criterion("b." + c, SectionKind.BONUS));
            }
            List<HighestOnlyGroup> groups = rnd.nextBoolean()
                    ? List.of(new HighestOnlyGroup("g", "group", List.of("b.0", "b.1"), "highest")) : List.of();
            sections.add(new Section("bonus", "加分", "bonus", SectionKind.BONUS, null,
                    rnd.nextBoolean() ? upTo(BigDecimal.valueOf(5)) : null, null, groups, criteria, null));
        }
        if (rnd.nextBoolean()) {
            List<Criterion> criteria = new ArrayList<>();
            for (int c = 0; c < 1 + rnd.nextInt(2); c++) {
                criteria.add(criterion("p." + c, SectionKind.PENALTY));
            }
            sections.add(new Section("penalty", "扣分", "penalty", SectionKind.PENALTY, null,
                    rnd.nextBoolean() ? upTo(BigDecimal.valueOf(10)) : null, null, null, criteria, null));
        }
        return new Rubric("random", "random", "test", "annual", 2026, total, scale, rounding, null, false, "random",
                Map.of("size", new org.kaoping.model.AttributeDefinition("所别", Map.of("large", "大所", "small", "小所"))),
                null, sections, vetoes, null, null, null);
    }

    /**
     * The same rubric assessed on two category sheets (RULES 17): each section on one of them at random, or on
     * none, so per-sheet subtotals are summed across sections. Drawn after {@link #rubric()}, leaving its draws as
     * they were.
     */
    public Rubric withCategorySheets(Rubric rubric) {
        List<org.kaoping.model.CategorySheet> sheets = List.of(
                new org.kaoping.model.CategorySheet("cat-a", "甲表", null, null, null),
                new org.kaoping.model.CategorySheet("cat-b", "乙表", null, null, null));
        List<Section> sections = new ArrayList<>();
        for (Section s : rubric.sections()) {
            int pick = rnd.nextInt(3);
            String sheet = pick == 2 ? null : sheets.get(pick).id();
            sections.add(new Section(s.id(), s.number(), s.title(), s.kind(), s.points(), s.cap(), sheet, s.groups(),
                    s.criteria(), s.notes()));
        }
        return new Rubric(rubric.id(), rubric.title(), rubric.issuer(), rubric.periodType(), rubric.year(), rubric.total(),
                rubric.scale(), rubric.rounding(), rubric.step(), rubric.partial(), rubric.source(), rubric.attributes(),
                sheets, sections, rubric.vetoes(), rubric.assessment(), rubric.notes(), rubric.predecessor());
    }

    private Criterion criterion(String id, SectionKind kind) {
        BigDecimal points = kind == SectionKind.PENALTY && rnd.nextBoolean() ? null : upTo(BigDecimal.valueOf(10));
        List<Part> parts = new ArrayList<>();
        if (kind == SectionKind.SCORE && rnd.nextInt(3) == 0 && points.compareTo(step.multiply(BigDecimal.valueOf(2))) >= 0) {
            BigDecimal first = upTo(points.subtract(step));
            parts.add(new Part("a", "part a", first));
            parts.add(new Part("b", "part b", points.subtract(first)));
        }
        List<Rule> rules = new ArrayList<>();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            rules.add(rule("r" + i, kind, points, parts));
        }
        return new Criterion(id, id, "content " + id, "standard " + id, points, null, null, parts, rules, null);
    }

    private Rule rule(String id, SectionKind kind, BigDecimal points, List<Part> parts) {
        String part = parts.isEmpty() || rnd.nextBoolean() ? null : parts.get(rnd.nextInt(parts.size())).id();
        BigDecimal scope = part != null ? parts.stream().filter(p -> p.id().equals(part)).findFirst().orElseThrow().budget()
                : points == null ? BigDecimal.TEN : points;
        String veto = rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? "v-void" : "v-honours") : null;
        if (kind == SectionKind.BONUS) {
            return new Rule.AwardPerCount(id, "award", null, null, null, upTo(BigDecimal.ONE), rnd.nextBoolean() ? upTo(scope) : null);
        }
        if (kind == SectionKind.PENALTY) {
            return rnd.nextBoolean()
                    ? new Rule.PerCount(id, "penalty", null, veto, null, upTo(BigDecimal.valueOf(3)), rnd.nextBoolean() ? upTo(scope) : null)
                    : new Rule.Escalating(id, "escalating", null, veto, null, List.of(upTo(BigDecimal.ONE), upTo(BigDecimal.valueOf(2))), null);
        }
        return switch (rnd.nextInt(14)) {
            case 0 -> new Rule.PerCount(id, "per", part, veto, null, upTo(scope), rnd.nextBoolean() ? upTo(scope) : null);
            case 1 -> new Rule.Zeroing(id, "zero", part, veto, null);
            case 2 -> {
                BigDecimal max = upTo(scope);
                yield new Rule.Discretionary(id, "disc", part, veto, null, rnd.nextBoolean() ? BigDecimal.ZERO : upTo(max), max);
            }
            case 3 -> rnd.nextBoolean()
                    ? new Rule.CompletionRatio(id, "ratio", part, veto, null, BigDecimal.valueOf(1 + rnd.nextInt(300)), null, null, null,
                    rnd.nextBoolean() ? upTo(scope) : null, rnd.nextBoolean() ? new BigDecimal("0.6") : null)
                    : new Rule.CompletionRatio(id, "ratio", part, veto, null, null, "size",
                    Map.of("large", BigDecimal.valueOf(210), "small", BigDecimal.valueOf(170)), null, null, null);
            case 4 -> rnd.nextBoolean()
                    ? thresholdAtLeast(id, part, veto, scope)
                    : new Rule.Threshold(id, "thr", part, veto, null, null, new BigDecimal("1.5"), null, true);
            case 5 -> new Rule.Levels(id, "levels", part, veto, null, List.of(
                    new Rule.Level("A", "好", scope), new Rule.Level("B", "中", scope.divide(BigDecimal.valueOf(2), scale, RoundingMode.DOWN)),
                    new Rule.Level("C", "差", BigDecimal.ZERO)));
            case 6 -> new Rule.Symmetric(id, "sym", part, veto, null, rnd.nextInt(5), upTo(scope), rnd.nextBoolean() ? upTo(scope) : null);
            case 7 -> new Rule.OverTarget(id, "over", null, veto, null, rnd.nextInt(5), upTo(BigDecimal.valueOf(2)), upTo(BigDecimal.valueOf(4)), null);
            case 9 -> new Rule.ExcessRatio(id, "excess", null, veto, null, BigDecimal.valueOf(1 + rnd.nextInt(300)), null,
                    null, null, upTo(BigDecimal.TEN), upTo(BigDecimal.valueOf(4)));
            case 10 -> new Rule.EarnPerCount(id, "earn", part, veto, null, upTo(scope), rnd.nextBoolean() ? upTo(scope) : null);
            case 11 -> {
                BigDecimal max = upTo(scope);
                yield new Rule.DiscretionaryEach(id, "each", part, veto, null, upTo(max), max, rnd.nextBoolean() ? upTo(scope) : null);
            }
            case 12 -> {
                BigDecimal max = upTo(scope);
                yield new Rule.DiscretionaryIf(id, "if", part, veto, null, null, new BigDecimal("0.1"), upTo(max), max);
            }
            case 13 -> new Rule.Direct(id, "direct", part, veto, null);
            default -> new Rule.AwardPerCount(id, "award", null, veto, null, upTo(BigDecimal.ONE), null);
        };
    }

    private Rule thresholdAtLeast(String id, String part, String veto, BigDecimal scope) {
        boolean zero = rnd.nextBoolean();
        return new Rule.Threshold(id, "thr", part, veto, null, BigDecimal.valueOf(rnd.nextInt(100)), null,
                zero ? null : upTo(scope), zero ? true : null);
    }

    /** A random sheet for this rubric: direct scores, inputs (edges included), not applicable, or nothing. */
    public Sheet sheet(Rubric rubric) {
        Map<String, Sheet.Entry> entries = new LinkedHashMap<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                int pick = rnd.nextInt(10);
                if (pick == 0) {
                    continue;
                }
                if (pick == 1) {
                    entries.put(c.id(), new Sheet.Entry(null, null, true, null));
                } else if (pick == 2 && c.points() != null && s.kind() != SectionKind.PENALTY) {
                    BigDecimal max = s.kind() == SectionKind.SCORE ? c.ceiling() : c.points();
                    int u = max.divide(step, 0, RoundingMode.DOWN).intValueExact();
                    entries.put(c.id(), Sheet.Entry.ofScore(units(rnd.nextInt(u + 1))));
                } else {
                    Map<String, JsonNode> in = new LinkedHashMap<>();
                    for (Rule r : c.rules()) {
                        if (rnd.nextInt(4) > 0) {
                            in.put(r.id(), StrictJson.mapper().valueToTree(input(r)));
                        }
                    }
                    entries.put(c.id(), Sheet.Entry.ofInputs(in));
                }
            }
        }
        List<String> vetoes = rnd.nextInt(10) == 0 ? List.of("v-honours") : List.of();
        Map<String, String> attrs = Map.of("size", rnd.nextBoolean() ? "large" : "small");
        return new Sheet(rubric.id(), null, "random", null, null, null, attrs, entries, vetoes, null, null, null, null);
    }

    public Object input(Rule r) {
        if (r instanceof Rule.Zeroing) {
            return rnd.nextInt(4) == 0;
        } else if (r instanceof Rule.Discretionary d) {
            int pick = rnd.nextInt(4);
            if (pick == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal lo = d.min().signum() == 0 ? step : d.min();
            if (pick == 1) {
                return lo;
            }
            if (pick == 2) {
                return d.max();
            }
            int span = d.max().subtract(lo).divide(step, 0, RoundingMode.DOWN).intValueExact();
            return lo.add(units(rnd.nextInt(span + 1)));
        } else if (r instanceof Rule.CompletionRatio c) {
            BigDecimal t = c.target() != null ? c.target() : BigDecimal.valueOf(210);
            return switch (rnd.nextInt(5)) {
                case 0 -> BigDecimal.ZERO;
                case 1 -> t;
                case 2 -> t.multiply(new BigDecimal("0.6"));
                default -> BigDecimal.valueOf(rnd.nextInt(t.intValue() + 50));
            };
        } else if (r instanceof Rule.Threshold t) {
            BigDecimal edge = t.atLeast() != null ? t.atLeast() : t.atMost();
            return switch (rnd.nextInt(3)) {
                case 0 -> edge;
                case 1 -> edge.subtract(step).max(BigDecimal.ZERO);
                default -> edge.add(step);
            };
        } else if (r instanceof Rule.Levels l) {
            return l.levels().get(rnd.nextInt(l.levels().size())).code();
        } else if (r instanceof Rule.Escalating e) {
            return List.of(rnd.nextInt(4), rnd.nextInt(3));
        } else if (r instanceof Rule.ExcessRatio x) {
            return BigDecimal.valueOf(rnd.nextInt(x.target().intValue() * 3 + 2));
        } else if (r instanceof Rule.DiscretionaryEach d) {
            List<BigDecimal> amounts = new ArrayList<>();
            int span = d.max().subtract(d.min()).divide(step, 0, RoundingMode.DOWN).intValueExact();
            for (int i = rnd.nextInt(4); i > 0; i--) {
                amounts.add(d.min().add(units(rnd.nextInt(span + 1))));
            }
            return amounts;
        } else if (r instanceof Rule.DiscretionaryIf d) {
            BigDecimal value = new BigDecimal(rnd.nextInt(30)).movePointLeft(2); // 0.00–0.29, the bound is 0.1
            Map<String, BigDecimal> in = new LinkedHashMap<>();
            in.put("value", value);
            if (value.compareTo(d.atMost()) > 0 && rnd.nextBoolean()) {
                in.put("amount", d.max());
            }
            return in;
        } else if (r instanceof Rule.Direct) {
            return rnd.nextBoolean() ? BigDecimal.ZERO : step;
        }
        return rnd.nextInt(8); // counts: perCount, awardPerCount, symmetric, overTarget
    }
}
