package org.kaoping.model;

import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaoping.support.Decimals.assertDecimal;

/**
 * The six shipped rubrics (rubrics/ and examples/NAME/rubrics/) against the printed sources: section maxima as printed and several
 * criteria word for word (the quotes below are copied from the seeds).
 */
class ShippedRubricsTest {

    private static List<String> points(Rubric r) {
        return r.sections().stream().filter(s -> s.kind() == SectionKind.SCORE)
                .map(s -> s.title() + " " + s.points().stripTrailingZeros().toPlainString()).toList();
    }

    private static Criterion criterion(Rubric r, String id) {
        return r.criterion(id).orElseThrow(() -> new AssertionError(r.id() + " has no criterion " + id));
    }

    private static void assertCriterion(Rubric r, String id, String number, String points, String contentQuote, String standardQuote) {
        Criterion c = criterion(r, id);
        assertEquals(number, c.number(), r.id() + " " + id);
        assertDecimal(points, c.points(), r.id() + " " + id);
        assertTrue(c.content().contains(contentQuote), c.content());
        assertTrue(c.standard().contains(standardQuote), c.standard());
    }

    @Test
    @DisplayName("000 2022: 15 项 100 分 — 所务管理 8 … 信访稳定 3; 47 criteria")
    void lushan2022() {
        Rubric r = Shipped.rubric("lushan-2022");
        assertEquals(List.of("所务管理 8", "提升执法满意度 1", "执法司法顽瘴痼疾 1", "能力作风建设年活动 10", "人民调解工作 10",
                "安置帮教工作 10", "社区矫正工作 15", "普法工作 10", "党风廉政建设工作 5", "公共法律服务 5", "法律援助工作 5",
                "村（居）法律顾问工作 10", "参与法治政府建设 5", "安全生产 2", "信访稳定工作 3"), points(r));
        assertEquals(47, r.allCriteria().size());
        assertDecimal("100", r.total());
        assertCriterion(r, "1.1", "一.1", "2", "实行所务管理“四公开”", "制度少一项扣0.5分");
        assertCriterion(r, "7.4", "七.4", "3", "社区矫正执法文书及档案管理", "扣1-2分");
        assertCriterion(r, "11.1", "十一.1", "3", "接待群众法律咨询", "全年任务数大所不少于210人次，小所不少于170人次，根据未完成比例扣分");
        assertEquals(7, criterion(r, "4.1").parts().size(), "能力作风建设年: 0.2 + 5 + 2 + 0.5 + 1 + 1 + 0.3");
        assertEquals(2, r.vetoes().size(), "说明 2 lists two 一票否决 conditions");
    }

    @Test
    @DisplayName("000 2023: 14 项 — 所务管理 10 … 信访稳定 4")
    void lushan2023() {
        Rubric r = Shipped.rubric("lushan-2023");
        assertEquals(List.of("所务管理 10", "提升执法满意度 1", "思想政治教育 5", "党风廉政建设工作 8", "人民调解工作 15",
                "安置帮教工作 5", "社区矫正工作 15", "普法工作 10", "公共法律服务 5", "法律援助工作 5", "村（居）法律顾问工作 10",
                "参与法治政府建设 5", "安全生产 2", "信访稳定工作 4"), points(r));
        assertCriterion(r, "1.5", "一.5", "3", "统计报表及时准确", "有一次不上报的扣0.5分");
        assertCriterion(r, "5.6", "五.6", "2", "调解案例报送情况", "大所每月报送案例不少于1篇");
        assertTrue(criterion(r, "8.3").notes().stream().anyMatch(n -> n.contains("CORRECTION")), "八.3 printed 7分, stored 5 with a note");
    }

    @Test
    @DisplayName("000 2023 Q2: declared partial, only the surviving sections, 加分项 上限2分")
    void lushan2023Q2() {
        Rubric r = Shipped.rubric("lushan-2023-q2");
        assertTrue(r.partial());
        assertEquals(List.of("所务管理 6", "提升执法满意度 1", "人民调解工作 17", "社区矫正工作 15", "村（居）法律顾问工作 10", "问题整改 2"), points(r));
        assertCriterion(r, "15.1", "十五", "2", "对第一季度考核中出现的问题逐条整改", "未建立台账扣1分");
        Section bonus = r.sections().stream().filter(s -> s.kind() == SectionKind.BONUS).findFirst().orElseThrow();
        assertDecimal("2", bonus.criteria().get(0).points());
        var weights = r.assessment().components().stream().map(c -> c.weight().toPlainString()).toList();
        assertEquals(List.of("0.6", "0.4"), weights, "总得分 = 现场考核得分 × 60% + 评价量化计分 × 40%");
    }

    @Test
    @DisplayName("001: 法治建设 25, 人民参与和促进法治 18, 社区矫正 18, 公共法律服务 13, 普法 13, 法律顾问 5, 信息 8")
    void xxDistrict2023() {
        Rubric r = Shipped.rubric("xx-district-2023");
        assertEquals(List.of("法治建设工作 25", "人民参与和促进法治工作 18", "社区矫正工作 18", "公共法律服务工作 13",
                "普法与依法治理工作 13", "新农村建设法律顾问工作 5", "信息工作 8"), points(r));
        assertCriterion(r, "1.1", "1.1", "4", "习近平法治思想", "每少一个群体扣2分");
        List<BigDecimal> top7 = r.assessment().rankBonuses().stream().filter(b -> b.id().equals("information-top7"))
                .findFirst().orElseThrow().awards();
        assertEquals(List.of("2", "1.7", "1.4", "1.1", "0.8", "0.5", "0.2"), top7.stream().map(x -> x.stripTrailingZeros().toPlainString()).toList());
        assertTrue(r.sections().stream().anyMatch(s -> s.kind() == SectionKind.BONUS && s.cap() == null), "考核加分不封顶");
    }

    @Test
    @DisplayName("002: category sheets of 100 per unit type; 综合工作 70 + 信息化建设 30; 70/10/10/10; tiers")
    void wushen2018() {
        Rubric r = Shipped.rubric("wushen-2018");
        assertEquals(8, r.sheets().size());
        assertEquals(6, r.sheets().stream().filter(s -> s.unitType().equals("station")).count());
        assertEquals(List.of("综合工作 70", "信息化建设 30", "思想政治工作 30", "干警日常管理工作 70", "深化普法依法治理工作 100",
                "基层工作 100", "法律援助工作 100", "社区矫正工作 100", "直属律师事务所考核工作 100", "直属公证处考核工作 100"), points(r));
        assertEquals(List.of("0.7", "0.1", "0.1", "0.1"), r.assessment().components().stream().map(c -> c.weight().toPlainString()).toList());
        assertEquals(7, r.assessment().tiers().disqualifiers().size());
        assertEquals(2, r.assessment().tiers().levels().get(0).top());
    }

    @Test
    @DisplayName("004: 46 numbered items in 12 sections; 队伍建设 10 … 综合评议 10")
    void jiangsuCounty2016() {
        Rubric r = Shipped.rubric("jiangsu-county-2016");
        assertEquals(List.of("队伍建设 10", "人民调解 17", "社区矫正 17", "安置帮教工作 7", "法制宣传 12", "法律服务 4", "法律援助 4",
                "信息宣传 8", "平安法治建设 5", "基础设施建设 6", "综合评议 10"), points(r));
        assertCriterion(r, "5", "5", "2", "培育2个社会组织", "最高加4分");
        assertCriterion(r, "12", "12", "4", "网格", "迟报一次扣0.3分");
        long items = r.allCriteria().stream().map(c -> c.id().replaceFirst("\\..*", "")).distinct().count();
        assertEquals(46, items, "items 1-46 (27.x, 35.x are their bonus parts; 44 is split by honour)");
    }
}
