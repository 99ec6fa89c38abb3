package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Assessment.Component;
import org.kaoping.model.CategorySheet;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.TiePolicy;
import org.kaoping.model.Veto;
import org.kaoping.model.VetoEffect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules of an assessment in plain Chinese sentences, generated from its configuration so the
 * words on a page can never disagree with how the engine computed the figures on it.
 */
public final class AssessmentWording {
    private AssessmentWording() {
    }

    public static String rounding(RoundingMode mode) {
        return switch (mode) {
            case HALF_UP -> "四舍五入";
            case HALF_EVEN -> "四舍六入五成双";
            case HALF_DOWN -> "五舍六入";
            case DOWN -> "直接舍去多余位数";
            case UP -> "多余位数一律进位";
            case FLOOR -> "向下取值";
            case CEILING -> "向上取值";
            case UNNECESSARY -> "不作舍入";
        };
    }

    public static String scaleWords(int scale, RoundingMode mode) {
        return scale == 0 ? "按" + rounding(mode) + "取整数" : "按" + rounding(mode) + "保留 " + scale + " 位小数";
    }

    /** How a total is formed: the formula, where each part comes from, bonuses, rounding. */
    public static List<String> totals(Assessment a, Rubric rubric, Period period) {
        List<String> out = new ArrayList<>();
        List<Component> cs = a.components();
        String formula;
        if (cs.size() == 1 && !a.weighted() && cs.get(0).title().equals("总分")) {
            formula = "总分";
        } else if (cs.size() == 1 && !a.weighted()) {
            formula = "总分即“" + cs.get(0).title() + "”";
        } else if (a.weighted()) {
            formula = "总分 = " + cs.stream().map(c -> c.title() + " × " + Numbers.percent(weightOf(c)))
                    .collect(Collectors.joining(" + "));
        } else {
            formula = "总分 = " + cs.stream().map(Component::title).collect(Collectors.joining(" + "));
        }
        if (!a.rankBonuses().isEmpty() || !a.givenBonuses().isEmpty()) {
            formula += "，再加上各项加分";
        }
        out.add(formula.equals("总分") ? "总分" + scaleWords(a.scale(), a.rounding()) + "。"
                : formula + "；总分" + scaleWords(a.scale(), a.rounding()) + "。");
        for (Component c : cs) {
            out.add("“" + c.title() + "”" + sourceWords(c, rubric, period) + "。");
        }
        if (a.raters() != null) {
            out.add(ratersWords(a));
        }
        for (Assessment.RankBonus rb : a.rankBonuses()) {
            out.add("“" + rb.title() + "”：按" + basisWords(a, rb) + "排名，第 1 至 " + rb.awards().size()
                    + " 名依次加 " + rb.awards().stream().map(Numbers::plain).collect(Collectors.joining("、"))
                    + " 分；名次并列者加分相同。");
        }
        for (Assessment.GivenBonus gb : a.givenBonuses()) {
            out.add("“" + gb.title() + "”：每项加 " + Numbers.plain(gb.per()) + " 分"
                    + (gb.cap() == null ? "，不设上限" : "，最多加 " + Numbers.plain(gb.cap()) + " 分") + "。");
        }
        return out;
    }

    private static BigDecimal weightOf(Component c) {
        return c.weight() == null ? BigDecimal.ZERO : c.weight();
    }

    private static String sourceWords(Component c, Rubric rubric, Period period) {
        String rubricName = rubric == null ? "考核细则" : "《" + rubric.title() + "》";
        String words;
        if (c.source().equals("sheet")) {
            words = "取自各所评分表：按" + rubricName + "逐项计分后合计";
        } else if (c.source().startsWith("sheet:")) {
            String id = c.categorySheet();
            String title = rubric == null ? id : rubric.sheets().stream().filter(s -> s.id().equals(id))
                    .map(CategorySheet::title).findFirst().orElse(id);
            words = "取自各所评分表中“" + title + "”分表的得分";
        } else if (c.source().equals("raters")) {
            words = "为测评人员评分的加权平均（见下）";
        } else {
            words = "采用本期公布的数值";
        }
        if (c.fromSheet() && period != null
                && period.results().stream().anyMatch(r -> r.components().containsKey(c.id()))) {
            words += "；没有完整评分表的所，采用报告公布的数值";
        }
        return words;
    }

    private static String ratersWords(Assessment a) {
        String grades = a.raters().grades().entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " 为 " + Numbers.plain(e.getValue()) + " 分").collect(Collectors.joining("、"));
        String groups = a.raters().groups().stream().map(g -> g.title() + " " + Numbers.percent(g.weight()))
                .collect(Collectors.joining("、"));
        return "测评等次折算为分数：" + grades + "；每组测评人员的分数取平均（" + scaleWords(a.scale(), a.rounding())
                + "），再按权重合计：" + groups + "。";
    }

    /**
     * What a rank bonus ranks by, in words: a component's or the raters' title; a figure the period
     * gives by its id has no title of its own, so it is named by the bonus (never by the id).
     */
    private static String basisWords(Assessment a, Assessment.RankBonus rb) {
        String basis = rb.basis();
        boolean titled = basis.equals("raters") || a.components().stream().anyMatch(c -> c.id().equals(basis));
        return titled ? "“" + basisTitle(a, basis) + "”" : "本期另行给出的" + rb.title().replaceAll("(排名前|前)[一二三四五六七八九十]+名?$", "")
                + "成绩";
    }

    static String basisTitle(Assessment a, String basis) {
        if (basis.equals("raters")) {
            return "测评平均分";
        }
        return a.components().stream().filter(c -> c.id().equals(basis)).map(Component::title).findFirst().orElse(basis);
    }

    /** The tie rule, and where voided results are placed. */
    public static List<String> ties(Assessment a, List<Veto> vetoes) {
        List<String> out = new ArrayList<>();
        if (a.ranking().ties() == TiePolicy.SHARED) {
            out.add("总分相同的所名次并列，其后的名次相应顺延（例如 1、2、2、4）。");
        } else {
            String tb = a.ranking().effectiveTieBreak();
            if (tb.startsWith("component:")) {
                String id = tb.substring("component:".length());
                out.add("总分相同的所不并列名次，依次排列：“" + basisTitle(a, id)
                        + "”得分高者在前；仍相同的，按司法所代码的字母顺序排列。");
            } else {
                out.add("总分相同的所不并列名次，按原始公布材料中的先后顺序依次排列（例如 4、5）。");
            }
        }
        if (vetoes.stream().anyMatch(v -> v.effect() == VetoEffect.VOID)) {
            out.add("被一票否决且成绩作废的所，成绩照常列出，但排在所有未被否决的所之后。");
        }
        return out;
    }

    /** The tiers (等次) and who is barred from which. */
    public static List<String> tiers(Assessment a) {
        List<String> out = new ArrayList<>();
        if (a.tiers() == null) {
            return out;
        }
        List<String> upper = new ArrayList<>();
        for (Assessment.TierLevel l : a.tiers().levels()) {
            if (l.top() != null) {
                out.add("第 1 至 " + l.top() + " 名评为“" + l.title() + "”。");
                upper.add("“" + l.title() + "”");
            } else if (l.bottom() != null) {
                out.add("最后 " + l.bottom() + " 名评为“" + l.title() + "”。");
            } else {
                out.add("其余评为“" + l.title() + "”。");
            }
        }
        for (Assessment.Disqualifier d : a.tiers().disqualifiers()) {
            out.add("有下列情形的，不得评为" + d.barredFrom().stream().map(id -> "“" + tierTitle(a, id) + "”")
                    .collect(Collectors.joining("、")) + "：" + d.text());
        }
        if (!upper.isEmpty()) {
            out.add("受一票否决的所不得评为" + String.join("、", upper) + "，改评为其未被排除的最高等次。");
        }
        return out;
    }

    public static String tierTitle(Assessment a, String tierId) {
        if (tierId == null || a.tiers() == null) {
            return "";
        }
        return a.tiers().levels().stream().filter(l -> l.id().equals(tierId)).map(Assessment.TierLevel::title)
                .findFirst().orElse(tierId);
    }

    public static String vetoEffect(VetoEffect effect) {
        return switch (effect) {
            case VOID -> "成绩作废：照常列出，排在所有未被否决的所之后";
            case NO_HONOURS -> "取消评先评优资格：照常排名，但不得评优，不得进入较高等次";
        };
    }

    public static String vetoEffectShort(VetoEffect effect) {
        return switch (effect) {
            case VOID -> "成绩作废";
            case NO_HONOURS -> "不得评优";
        };
    }

    public static String periodType(String type) {
        return switch (type) {
            case "annual" -> "年度";
            case "quarter" -> "季度";
            case "half-year" -> "半年";
            default -> type;
        };
    }
}
