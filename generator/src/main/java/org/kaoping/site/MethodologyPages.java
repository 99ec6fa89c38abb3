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
                                 boolean timestamp) {
        List<String> scoring = List.of(
                "各所的评分表按所用《考核细则》逐项计分：每个评分项依“考核办法及标准”扣分或加分，"
                        + "单项分扣完为止，不再从总分中扣除；得分不低于 0 分，也不超过该项分值（细则明确允许超额加分的除外）。",
                "评分项标为“不适用”时（例如只针对有党员的所），该项不计分，满分相应减少，并在该所的评分表上注明。",
                "加分项、扣分项单独列出，按细则规定的上限计入总分。同一组中多级加分的，只计得分最高的一项。",
                "所有分数按十进制精确计算，不使用二进制浮点数；需要舍入的计算结果（比例、平均数、加权合计）按细则规定的小数位数和取舍方式处理。",
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
                "中位数按 Apache Commons Math 3.6.1 的 Median 计算：即第 50 百分位数，采用其默认百分位定义（LEGACY："
                        + "位置 p(n+1)/100，在相邻两个数之间线性插值）。对中位数而言，n 为奇数时取正中间的数，n 为偶数时取中间两个数的平均数。",
                "标准差为样本标准差（分母为 n − 1）；只有 1 个数据时不计算，显示为“—”。",
                "平均数、中位数、标准差按四舍五入保留 " + SectionStatistics.PLACES + " 位小数。",
                "“失分最多的评分项”：在有评分表的所中，统计每个评分项得分低于分值的所数及合计失分，按所数、合计失分从多到少排列，列出前 "
                        + PeriodPages.TOP_DEDUCTIONS + " 项。",
                "总分分布图按分数段统计所数，每段包含下限、不包含上限。");
        List<String> movement = List.of(
                "名次变化与上一考核期的名次相比：▲ 表示上升，▼ 表示下降，– 表示不变，“新”表示上期未参评。",
                "标有 † 的变化：本期与上期使用的考核细则不同（或上期没有细则），两期分数的口径不同，名次变化仅供参考。",
                "“距上一名”为与前一名次的所的总分之差；同分而名次在后的，按该期的同分排序规则排列。");
        List<String> data = new ArrayList<>();
        data.add("页脚的“数据版本”是 content/ 与 rubrics/ 中全部 JSON 文件（按路径排序）的 SHA-256 摘要的前 12 位，"
                + "用于核对打印件所依据的数据。本次数据的完整摘要为 " + fingerprint.sha256() + "。");
        data.add("各考核细则的机器可读版本（JSON）可在各细则页面下载，供自查表使用。");
        data.add(internal ? "本站按配置显示考核人员的内部备注。" : "考核人员的内部备注（评分表备注、更正说明、转录说明）不在本站显示。");
        data.add(timestamp ? "页脚显示生成时间。" : "页面不记录生成时间：同样的数据两次生成的页面完全相同。");
        return new MethodologyPage(scoring, methods, statistics, movement, data);
    }
}
