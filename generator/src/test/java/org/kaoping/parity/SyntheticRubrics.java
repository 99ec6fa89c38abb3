package org.kaoping.parity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.kaoping.parity.SheetGenerator.F;

/**
 * Random rubrics as JSON, so that every rule kind meets every rounding mode and scale: score,
 * bonus and penalty sections (capped or not), parts, highest-only groups, appliesTo and
 * attribute-dependent targets, vetoes on rules, category sheets. Numbers lie on the rubric's
 * scale; an "off-scale" rubric also has rates finer than its scale (which `check` would refuse but
 * the engine scores), so that bringing sums to the scale rounds — negative ones too — in every mode.
 */
final class SyntheticRubrics {
    static final String[] KINDS = {"perCount", "zeroing", "discretionary", "completionRatio", "threshold", "levels",
            "awardPerCount", "symmetric", "overTarget", "escalating", "excessRatio", "earnPerCount", "discretionaryEach",
            "discretionaryIf", "direct"};
    /** Kinds that set the score of a score criterion (or its part): not drawn in bonus and penalty sections. */
    private static final List<String> SCORE_ONLY = List.of("earnPerCount", "direct");
    static final String[] ROUNDINGS = {"HALF_UP", "HALF_EVEN", "DOWN", "UP", "FLOOR", "CEILING"};

    private final SplittableRandom rnd;
    private final int scale;
    private final boolean offScale;
    private final boolean otherStep;
    private final boolean categorySheets;
    private final BigDecimal unit;
    private BigDecimal step;
    private int criterionNo;

    private SyntheticRubrics(SplittableRandom rnd, int scale, boolean offScale, boolean otherStep, boolean categorySheets) {
        this.rnd = rnd;
        this.scale = scale;
        this.offScale = offScale;
        this.otherStep = otherStep;
        this.categorySheets = categorySheets;
        this.unit = BigDecimal.ONE.movePointLeft(scale);
    }

    /**
     * @param otherStep      a step other than one unit of the scale (2, 5, 10, 25 or 50 units)
     * @param categorySheets two category sheets, each with its own (capped) penalty section
     */
    static ObjectNode rubric(SplittableRandom rnd, String id, int scale, String rounding, boolean offScale,
                             boolean otherStep, boolean categorySheets) {
        return new SyntheticRubrics(rnd, scale, offScale, otherStep, categorySheets).build(id, rounding);
    }

    private ObjectNode build(String id, String rounding) {
        ObjectNode r = F.objectNode();
        r.put("id", id);
        r.put("title", "合成细则 " + id);
        r.put("issuer", "测试");
        r.put("periodType", "annual");
        r.put("year", 2026);
        r.put("scale", scale);
        r.put("rounding", rounding);
        step = unit;
        if (otherStep) {
            int[] m = {2, 5, 10, 25, 50};
            step = unit.multiply(BigDecimal.valueOf(m[rnd.nextInt(scale == 0 ? 2 : m.length)]));
            r.set("step", F.numberNode(step));
        } else if (rnd.nextBoolean()) {
            r.set("step", F.numberNode(step)); // the default, written out
        }
        r.put("source", "synthetic");
        ObjectNode attrs = r.putObject("attributes");
        ObjectNode size = attrs.putObject("size");
        size.put("title", "所别");
        size.putObject("values").put("large", "大所").put("small", "小所");
        ObjectNode party = attrs.putObject("partyMembers");
        party.put("title", "有无党员");
        party.putObject("values").put("yes", "有").put("no", "无");
        boolean sheets = categorySheets;
        if (sheets) {
            ArrayNode s = r.putArray("sheets");
            for (String sid : List.of("cat-a", "cat-b")) {
                s.addObject().put("id", sid).put("title", "类别 " + sid).put("points", 100).put("unitType", "station");
            }
        }
        ArrayNode sections = r.putArray("sections");
        BigDecimal total = BigDecimal.ZERO;
        // Every rubric has a capped bonus and a capped penalty section, and usually uncapped ones; with
        // category sheets each sheet has its own capped penalty section.
        int nScore = 1 + rnd.nextInt(3);
        int nBonus = 1 + rnd.nextInt(2);
        int nPenalty = sheets ? 2 + rnd.nextInt(2) : 1 + rnd.nextInt(2);
        int n = 0;
        for (int i = 0; i < nScore + nBonus + nPenalty; i++) {
            String kind = i < nScore ? "score" : i < nScore + nBonus ? "bonus" : "penalty";
            int within = i < nScore ? i : i < nScore + nBonus ? i - nScore : i - nScore - nBonus;
            boolean capped = !kind.equals("score") && (within == 0 || (sheets && kind.equals("penalty") && within == 1)
                    || rnd.nextInt(3) == 0);
            ObjectNode s = section("sec" + (++n), kind, capped);
            if (sheets) {
                s.put("sheet", kind.equals("penalty") && within < 2 ? (within == 0 ? "cat-a" : "cat-b")
                        : i == 0 ? "cat-a" : i == 1 ? "cat-b" : rnd.nextBoolean() ? "cat-a" : "cat-b");
            }
            if (kind.equals("score")) {
                total = total.add(s.get("points").decimalValue());
            }
            sections.add(s);
        }
        r.set("total", F.numberNode(total));
        ArrayNode vetoes = r.putArray("vetoes");
        vetoes.addObject().put("id", "v1").put("text", "重大案件").put("effect", "void");
        vetoes.addObject().put("id", "v2").put("text", "违纪").put("effect", "no-honours");
        return r;
    }

    private ObjectNode section(String id, String kind, boolean capped) {
        ObjectNode s = F.objectNode();
        s.put("id", id);
        s.put("number", id);
        s.put("title", "项目 " + id);
        s.put("kind", kind);
        ArrayNode criteria = F.arrayNode();
        int n = 1 + rnd.nextInt(5);
        BigDecimal sum = BigDecimal.ZERO;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode c = criterion(kind);
            ids.add(c.get("id").asText());
            if (c.has("points")) {
                sum = sum.add(c.get("points").decimalValue());
            }
            criteria.add(c);
        }
        if (kind.equals("score")) {
            s.set("points", F.numberNode(sum));
            if (rnd.nextInt(8) == 0) {
                s.set("cap", F.numberNode(sum.subtract(unit).max(unit)));
            }
        } else {
            if (capped) {
                // small enough that the criteria often reach it
                s.set("cap", F.numberNode(amount(BigDecimal.valueOf(kind.equals("penalty") ? 1 : rnd.nextBoolean() ? 3 : 15))));
            }
            if (ids.size() >= 2 && rnd.nextInt(10) < 6) {
                ObjectNode g = s.putArray("groups").addObject();
                g.put("id", "g-" + id);
                g.put("title", "多级加分以最高计");
                ArrayNode members = g.putArray("criteria");
                for (String cid : ids) {
                    if (members.size() < 2 || rnd.nextBoolean()) {
                        members.add(cid);
                    }
                }
                g.put("mode", "highest");
            }
        }
        s.set("criteria", criteria);
        return s;
    }

    private ObjectNode criterion(String sectionKind) {
        ObjectNode c = F.objectNode();
        int no = ++criterionNo;
        // ids that need each form of JSON path: [7], .b7, ["7.1"]
        String id = switch (no % 3) {
            case 0 -> String.valueOf(no);
            case 1 -> "b" + no;
            default -> no + ".1";
        };
        c.put("id", id);
        c.put("number", "第" + no + "项");
        c.put("content", "内容 " + no);
        c.put("standard", "标准 " + no);
        BigDecimal points = null;
        if (sectionKind.equals("score") || rnd.nextInt(10) < 6) {
            points = rnd.nextBoolean() ? BigDecimal.valueOf(1 + rnd.nextInt(20))
                    : unit.multiply(BigDecimal.valueOf(1 + rnd.nextInt(20 * (int) Math.pow(10, scale))));
            c.set("points", F.numberNode(points));
        }
        if (rnd.nextInt(8) == 0) {
            ObjectNode a = c.putObject("appliesTo");
            if (rnd.nextBoolean()) {
                a.put("attribute", "size");
                a.putArray("values").add(rnd.nextBoolean() ? "large" : "small");
            } else {
                a.put("attribute", "partyMembers");
                a.putArray("values").add("yes");
            }
        }
        List<String[]> parts = new ArrayList<>(); // {id, budget}
        BigDecimal scope = points == null ? BigDecimal.TEN : points;
        if (rnd.nextInt(10) < 3) {
            ArrayNode p = c.putArray("parts");
            int k = 1 + rnd.nextInt(3);
            BigDecimal left = scope;
            for (int i = 0; i < k; i++) {
                BigDecimal b = i == k - 1 ? left : amount(left.subtract(unit.multiply(BigDecimal.valueOf(k - i - 1))));
                if (b.signum() <= 0) {
                    break;
                }
                left = left.subtract(b);
                p.addObject().put("id", "p" + i).put("title", "分项 " + i).set("budget", F.numberNode(b));
                parts.add(new String[]{"p" + i, b.toPlainString()});
            }
        }
        int nRules = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(4);
        if (nRules > 0) {
            ArrayNode rules = c.putArray("rules");
            for (int i = 0; i < nRules; i++) {
                String[] part = !parts.isEmpty() && rnd.nextInt(10) < 6 ? parts.get(rnd.nextInt(parts.size())) : null;
                BigDecimal ruleScope = part == null ? scope : new BigDecimal(part[1]);
                String kind = KINDS[rnd.nextInt(KINDS.length)];
                if (!sectionKind.equals("score") && SCORE_ONLY.contains(kind)
                        || sectionKind.equals("penalty") && kind.equals("excessRatio")) {
                    kind = sectionKind.equals("bonus") ? "awardPerCount" : "discretionaryEach";
                }
                rules.add(rule("r" + i, kind, part == null ? null : part[0], ruleScope,
                        sectionKind, points == null && part == null));
            }
        }
        return c;
    }

    /**
     * @param noDefaultBudget the criterion has no points and the rule no part: a completionRatio then needs its own
     *                        budget (without one the Java engine stops with a NullPointerException; see the report)
     */
    private ObjectNode rule(String id, String kind, String part, BigDecimal scope, String sectionKind,
                            boolean noDefaultBudget) {
        ObjectNode r = F.objectNode();
        r.put("kind", kind);
        r.put("id", id);
        r.put("text", kind + " 规则");
        if (part != null) {
            r.put("part", part);
        }
        if (rnd.nextInt(12) == 0) {
            r.put("veto", rnd.nextBoolean() ? "v1" : "v2");
        }
        switch (kind) {
            case "perCount", "awardPerCount" -> {
                r.set("per", F.numberNode(rate(scope)));
                optCap(r, "cap", scope);
            }
            case "zeroing" -> {
            }
            case "discretionary" -> {
                BigDecimal min = rnd.nextBoolean() ? BigDecimal.ZERO : step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(3)));
                BigDecimal max = min.add(step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(20))));
                r.set("min", F.numberNode(min));
                r.set("max", F.numberNode(max));
            }
            case "completionRatio" -> {
                target(r);
                if (noDefaultBudget || rnd.nextBoolean()) {
                    r.set("budget", F.numberNode(amount(scope.add(BigDecimal.valueOf(rnd.nextInt(3))))));
                }
                if (rnd.nextInt(10) < 4) {
                    String[] zb = {"0.3", "0.5", "0.6", "0.75", "1", "0.85", "0.333"};
                    r.set("zeroBelow", F.numberNode(new BigDecimal(zb[rnd.nextInt(zb.length)])));
                }
            }
            case "threshold" -> {
                BigDecimal b = BigDecimal.valueOf(rnd.nextInt(10001)).movePointLeft(rnd.nextInt(3));
                r.set(rnd.nextBoolean() ? "atLeast" : "atMost", F.numberNode(b));
                if (rnd.nextInt(10) < 6) {
                    r.set("deduct", F.numberNode(rate(scope)));
                } else {
                    r.put("zero", true);
                }
            }
            case "levels" -> {
                ArrayNode levels = r.putArray("levels");
                int k = 2 + rnd.nextInt(4);
                BigDecimal top = sectionKind.equals("score") ? scope : amount(scope);
                for (int i = 0; i < k; i++) {
                    BigDecimal p = i == 0 ? top : i == k - 1 && rnd.nextBoolean() ? BigDecimal.ZERO : amount(top);
                    levels.addObject().put("code", String.valueOf((char) ('A' + i))).put("label", "档 " + i)
                            .set("points", F.numberNode(p));
                }
            }
            case "symmetric" -> {
                r.put("target", rnd.nextInt(13));
                r.set("per", F.numberNode(rate(scope)));
                optCap(r, "cap", scope);
            }
            case "overTarget" -> {
                r.put("target", rnd.nextInt(13));
                r.set("per", F.numberNode(rate(scope)));
                r.set("bonusCap", F.numberNode(amount(BigDecimal.valueOf(6))));
                optCap(r, "cap", scope);
            }
            case "excessRatio" -> {
                target(r);
                r.set("per", F.numberNode(rnd.nextBoolean() ? BigDecimal.TEN : rate(scope)));
                r.set("cap", F.numberNode(amount(BigDecimal.valueOf(6))));
            }
            case "earnPerCount" -> {
                r.set("per", F.numberNode(rate(scope)));
                optCap(r, "cap", scope);
            }
            case "discretionaryEach" -> {
                BigDecimal min = step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(3)));
                r.set("min", F.numberNode(min));
                r.set("max", F.numberNode(min.add(step.multiply(BigDecimal.valueOf(rnd.nextInt(12))))));
                optCap(r, "cap", scope);
            }
            case "discretionaryIf" -> {
                BigDecimal b = BigDecimal.valueOf(rnd.nextInt(1001)).movePointLeft(rnd.nextInt(4));
                r.set(rnd.nextBoolean() ? "atLeast" : "atMost", F.numberNode(b));
                BigDecimal min = step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(3)));
                r.set("min", F.numberNode(min));
                r.set("max", F.numberNode(min.add(step.multiply(BigDecimal.valueOf(rnd.nextInt(16))))));
            }
            case "direct" -> {
            }
            case "escalating" -> {
                ArrayNode steps = r.putArray("steps");
                BigDecimal s = rate(scope);
                int k = 1 + rnd.nextInt(3);
                for (int i = 0; i < k; i++) {
                    steps.add(s.multiply(BigDecimal.valueOf(i + 1)));
                }
                optCap(r, "cap", scope);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return r;
    }

    /** One target, one per station size, or one per station (given by the sheet, as from the period). */
    private void target(ObjectNode r) {
        int k = rnd.nextInt(10);
        if (k < 4) {
            r.set("target", F.numberNode(target()));
        } else if (k < 7) {
            r.put("attribute", "size");
            r.putObject("targets").<ObjectNode>set("large", F.numberNode(target()))
                    .set("small", F.numberNode(target()));
        } else {
            r.put("targetPerStation", true);
        }
    }

    private void optCap(ObjectNode r, String field, BigDecimal scope) {
        if (rnd.nextBoolean()) {
            r.set(field, F.numberNode(amount(scope)));
        }
    }

    /** A positive multiple of the unit, at most {@code upTo} (at least one unit). */
    private BigDecimal amount(BigDecimal upTo) {
        long units = upTo.divide(unit, 0, java.math.RoundingMode.FLOOR).longValue();
        if (units <= 1) {
            return unit;
        }
        if (rnd.nextBoolean()) {
            long whole = upTo.longValue();
            if (whole >= 1) {
                return BigDecimal.valueOf(1 + rnd.nextLong(whole));
            }
        }
        return unit.multiply(BigDecimal.valueOf(1 + rnd.nextLong(units)));
    }

    /** A per-item rate: usually on the scale, in an off-scale rubric sometimes finer (0.125 at scale 1). */
    private BigDecimal rate(BigDecimal scope) {
        if (offScale && rnd.nextInt(10) < 4) {
            String[] fine = {"0.125", "0.375", "0.0625", "1.25", "0.5", "0.05", "0.005", "2.5"};
            BigDecimal f = new BigDecimal(fine[rnd.nextInt(fine.length)]);
            return f.scale() > scale ? f : f.add(unit.movePointLeft(1));
        }
        String[] common = {"0.5", "1", "2", "0.1", "0.2", "0.25", "0.05"};
        BigDecimal c = new BigDecimal(common[rnd.nextInt(common.length)]);
        if (c.scale() <= scale && rnd.nextBoolean()) {
            return c;
        }
        return amount(scope.min(BigDecimal.valueOf(5)));
    }

    private BigDecimal target() {
        return rnd.nextBoolean() ? BigDecimal.valueOf(1 + rnd.nextInt(200))
                : unit.multiply(BigDecimal.valueOf(1 + rnd.nextInt(3000)));
    }
}
