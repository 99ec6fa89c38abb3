package org.kaoping.site;

import org.kaoping.model.Rubric;
import org.kaoping.model.VetoEffect;

import java.util.ArrayList;
import java.util.List;

/** Builds the methodology page from the periods' configuration and the site's own definitions. */
final class MethodologyPages {
    private MethodologyPages() {
    }

    static MethodologyPage build(List<ScoredPeriod> periods, Fingerprint fingerprint, boolean internal,
                                 boolean timestamp, String published) {
        List<String> scoring = List.of(
                "各所的评分表按所用《考核细则》逐项计分：每个评分项依“考核办法及标准”扣分或加分，"
                        + "单项分扣完为止，不再从总分中扣除；得分不低于 0 分，也不超过该项分值（细则明确允许超额加分的除外）。",
                "评分项标为“不适用”时（例如只针对有党员的所），该项不计分，满分相应减少，并在该所的评分表上注明。",
                "加分项、扣分项单独列出，按细则规定的上限计入总分。同一组中多级加分的，只计得分最高的一项。",
                "所有分数像笔算一样逐位精确计算，不会出现电子表格中常见的小数尾差；需要舍入的计算结果（比例、平均数、加权合计）按细则规定的小数位数和取舍方式处理。",
                "一票否决的效果由细则规定：" + AssessmentWording.vetoEffect(VetoEffect.VOID) + "；或"
                        + AssessmentWording.vetoEffect(VetoEffect.NO_HONOURS) + "。否决情况在排名表和评分表上与分数分开列出。",
                "排名表中的总分由本站按上述规则重新计算；与报告公布的数值不一致时，以计算结果排名，并在表中标出公布值。");
        List<MethodologyPage.PeriodMethod> methods = new ArrayList<>();
        for (int i = periods.size() - 1; i >= 0; i--) {
            ScoredPeriod sp = periods.get(i);
            Rubric r = sp.rubric();
            methods.add(new MethodologyPage.PeriodMethod(sp.period().title(), Slug.periodPage(sp.id()),
                    r == null ? null : new Link(r.title(), Slug.rubricPage(r.id())),
                    AssessmentWording.totals(sp.assessment(), r, sp.period()),
                    AssessmentWording.ties(sp.assessment(), r == null ? List.of() : r.vetoes()),
                    AssessmentWording.tiers(sp.assessment())));
        }
        List<String> statistics = List.of(
                "总分的统计包括本期全部参评的所；按项目的统计只包括有完整评分表的所，表头注明份数。",
                "平均数为算术平均数。最低分、最高分取原始数据。",
                "中位数：把数据从小到大排列，数据个数为奇数时取正中间的数，为偶数时取中间两个数的平均数。",
                "标准差为样本标准差（分母为 n − 1）。",
                "每项统计都注明所依据的份数；少于 " + SectionStatistics.MIN_SAMPLE + " 份时不计算平均数、中位数和标准差（显示为“—”），"
                        + "完整评分表少于 " + SectionStatistics.MIN_SAMPLE + " 份的考核期不作按项目统计和失分排行。",
                "平均数、中位数、标准差按四舍五入保留 " + SectionStatistics.PLACES + " 位小数。",
                "“失分最多的评分项”：在有评分表的所中，统计每个评分项得分低于分值的所数及合计失分，按所数、合计失分从多到少排列，列出前 "
                        + PeriodPages.TOP_DEDUCTIONS + " 项。",
                "总分分布图按分数段统计所数，每段包含下限、不包含上限。");
        List<String> movement = List.of(
                "名次变化与上一考核期的名次相比：▲ 表示上升，▼ 表示下降，– 表示不变，“新”表示上期未参评。",
                "本期与上期使用的考核细则不同（或上期没有细则）时，排名表上方注明“本期与上期使用的考核细则不同，名次变化仅供参考”：两期分数的口径不同。",
                "颜色按通行的“红升绿降”：名次上升为红色 ▲，下降为绿色 ▼；箭头和文字同样说明升降，不只靠颜色。",
                "“距上一名”为与前一名次的所的总分之差；同分而名次在后的，按该期的同分排序规则排列。");
        List<String> data = new ArrayList<>();
        if (!published.isEmpty()) {
            data.add("本站数据发布于 " + chineseDate(published) + "。");
        } else {
            data.add("本站数据未注明发布日期。");
        }
        data.add("页脚的“数据版本”是本站全部考核数据和考核细则的摘要编号，用于核对打印件所依据的数据；数据有任何改动，编号随之改变。"
                + "本次数据的完整编号为 " + fingerprint.sha256() + "。");
        data.add("各考核细则的全文在细则页面，也可在那里下载为数据文件（.json）存档；自查评分表按同一份细则计分。");
        data.add("评分表上的更正（原记分与更正后的分数）照常列出。"
                + (internal ? "本站按配置显示考核人员的内部备注。" : "考核人员的内部备注（评分表备注、更正的依据说明、转录说明）不在本站显示。"));
        data.add("资料中的人名、所名若有识读错误的异写，只用于核对数据，不在本站显示；原件中划去的文字不作为扣分原因公布。");
        data.add(timestamp ? "页脚显示生成时间。" : "页面不记录生成时间：同样的数据两次生成的页面完全相同。");
        return new MethodologyPage(scoring, methods, statistics, movement, data);
    }

    /** 2026-12-01 as 2026 年 12 月 1 日; check refuses a date that does not exist, so the text is a fallback only. */
    static String chineseDate(String iso) {
        try {
            java.time.LocalDate on = java.time.LocalDate.parse(iso);
            return on.getYear() + " 年 " + on.getMonthValue() + " 月 " + on.getDayOfMonth() + " 日";
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
