package org.kaoping.score;

import org.kaoping.model.Rubric;
import org.kaoping.model.VetoEffect;
import org.kaoping.support.SheetBuilder;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaoping.support.Decimals.assertDecimal;
import static org.kaoping.support.SheetBuilder.d;

/**
 * Every rule kind of the rubric format on the source documents' own examples, scored through
 * the shipped rubrics (so the transcription and the engine are tested together).
 */
class RuleKindsTest {
    private final SheetScorer scorer = new SheetScorer();

    private Breakdown score(String rubric, SheetBuilder sheet) {
        return scorer.score(Shipped.rubric(rubric), sheet.build());
    }

    private BigDecimal criterion(Breakdown b, String id) {
        return b.criterion(id).orElseThrow().score();
    }

    @Nested
    @DisplayName("RULES 1-3: per-count deductions, caps, parts, floor at zero")
    class PerCount {
        @Test
        @DisplayName("000: 制度少一项扣 0.5 分 — one missing rule takes 0.5 of 一.1's 2 points")
        void perMissingElement() {
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("1.1", "rules", 1));
            assertDecimal("1.5", criterion(b, "1.1"));
            assertDecimal("99.5", b.total());
        }

        @Test
        @DisplayName("000: 查看 10 种业务台账登记册，缺 1 种的扣 0.5 分 — capped at the criterion's 2 points")
        void capInsideCriterion() {
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("1.1", "ledgers", 7));
            assertDecimal("0", criterion(b, "1.1"));
            var outcome = b.criterion("1.1").orElseThrow().rules().stream().filter(r -> r.ruleId().equals("ledgers")).findFirst().orElseThrow();
            assertDecimal("-2", outcome.effect(), "7 × 0.5 = 3.5, capped at 2");
        }

        @Test
        @DisplayName("000: 单项分扣完为止，不再从总分中扣除 — deductions beyond a criterion never reach others")
        void floorAtZeroDoesNotSpill() {
            // 九.1 (1 point): 党政纪处分一人次扣1分 ×3 and 每通报一人次扣0.5分 ×2 would take 4.
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("9.1", "discipline", 3, "notices", 2));
            assertDecimal("0", criterion(b, "9.1"));
            assertDecimal("99", b.total(), "only the criterion's own point is lost");
        }

        @Test
        @DisplayName("004: 迟报一次扣0.3分 — uncapped per occurrence")
        void perOccurrence() {
            var b = score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("12", "late-reports", 3));
            assertDecimal("3.1", criterion(b, "12"));
        }

        @Test
        @DisplayName("000 四: （共 0.2 分，少一项扣 0.1 分，扣完为止） — a part's budget limits its rules")
        void partBudget() {
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("4.1", "documents", 3));
            var c = b.criterion("4.1").orElseThrow();
            assertDecimal("9.8", c.score(), "3 × 0.1 = 0.3 but part 1 holds only 0.2");
            assertEquals(1, c.parts().size());
            assertDecimal("0.1", c.parts().get(0).returned());
        }

        @Test
        @DisplayName("000 四: parts are independent — 学习笔记 酌情 3 + 其他少一项扣 0.5 分 within part 2's 5 points")
        void partsAddUp() {
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022")
                    .inputs("4.1", "notes-quality", d("1.5"), "study-materials", 1, "six-checks", 5, "livelihood", 1));
            // part 2: 1.5 + 0.5 = 2; part 3: 5 × 0.5 = 2.5 limited to 2; part 5: 0.5. 10 − 4.5 = 5.5
            assertDecimal("5.5", criterion(b, "4.1"));
        }

        @Test
        @DisplayName("001: 每少一个群体扣2分,在4分内扣分 — a rule cap equal to the criterion")
        void ruleCap() {
            var b = score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("1.1", "groups", 1));
            assertDecimal("2", criterion(b, "1.1"));
            b = score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("1.1", "groups", 3));
            assertDecimal("0", criterion(b, "1.1"));
        }
    }

    @Test
    @DisplayName("RULES 4, 000: 现场点验…无正当理由未能参加点验的本项不得分")
    void zeroing() {
        var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("7.3", "roll-call", true));
        assertDecimal("0", criterion(b, "7.3"));
        assertTrue(b.criterion("7.3").orElseThrow().rules().stream().anyMatch(RuleOutcome::zeroes));
        var notFired = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("7.3", "roll-call", false));
        assertDecimal("3", criterion(notFired, "7.3"));
    }

    @Nested
    @DisplayName("RULES 5: discretionary range")
    class Discretionary {
        @Test
        @DisplayName("000: 河南省社区矫正业务管理系统信息录入不完整、不准确的，扣 1-2 分")
        void withinRange() {
            var b = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("7.4", "system", d("1.5")));
            assertDecimal("1.5", criterion(b, "7.4"));
        }

        @Test
        @DisplayName("扣 1-2 分: 0.5 is neither 0 nor within 1..2; 2.5 is above 2 — both refused with the input's path")
        void outsideRangeRefused() {
            var low = assertThrows(ScoreException.class, () -> score("lushan-2022",
                    SheetBuilder.of("lushan-2022").inputs("7.4", "system", d("0.5"))));
            assertEquals("$.criteria[\"7.4\"].inputs.system", low.path());
            assertTrue(low.detail().contains("from 1 to 2"), low.getMessage());
            assertThrows(ScoreException.class, () -> score("lushan-2022",
                    SheetBuilder.of("lushan-2022").inputs("7.4", "system", d("2.5"))));
        }

        @Test
        @DisplayName("000 四: 根据笔记质量酌情扣分 — an amount off the rubric's 0.05 step is refused")
        void offStep() {
            var e = assertThrows(ScoreException.class, () -> score("lushan-2022",
                    SheetBuilder.of("lushan-2022").inputs("4.1", "notes-quality", d("0.33"))));
            assertTrue(e.detail().contains("multiple of 0.05"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("RULES 6-7: completion ratio by station attribute, thresholds")
    class Ratios {
        @Test
        @DisplayName("000: 全年任务数大所不少于 210 人次，小所不少于 170 人次，根据未完成比例扣分")
        void targetBySize() {
            // 大所 with 168 of 210: 20% short of a 3-point budget = 0.6
            var large = score("lushan-2022", SheetBuilder.of("lushan-2022").attribute("size", "large").inputs("11.1", "consultations", 168));
            assertDecimal("2.4", criterion(large, "11.1"));
            // the same 168 for a 小所 (target 170): 3 × 2/170 = 0.0352… → 0.04 (HALF_UP at scale 2)
            var small = score("lushan-2022", SheetBuilder.of("lushan-2022").attribute("size", "small").inputs("11.1", "consultations", 168));
            assertDecimal("2.96", criterion(small, "11.1"));
            var over = score("lushan-2022", SheetBuilder.of("lushan-2022").attribute("size", "small").inputs("11.1", "consultations", 230));
            assertDecimal("3", criterion(over, "11.1"), "over target deducts nothing and adds nothing");
        }

        @Test
        @DisplayName("the target needs the station's size: a sheet without it is refused, naming the attribute")
        void missingAttribute() {
            var e = assertThrows(ScoreException.class, () -> score("lushan-2022",
                    SheetBuilder.of("lushan-2022").inputs("11.1", "consultations", 100)));
            assertTrue(e.detail().contains("\"size\""), e.getMessage());
        }

        @Test
        @DisplayName("000: 根据各所录入案件的百分比进行扣分，录入率低于全年任务 60% 的不得分 — boundary at exactly 60")
        void zeroBelow() {
            var at = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("5.5", "entry-rate", 60));
            assertDecimal("1.2", criterion(at, "5.5"), "60%: 40% short of 2 points = 0.8");
            var below = score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("5.5", "entry-rate", d("59.99")));
            assertDecimal("0", criterion(below, "5.5"));
        }

        @Test
        @DisplayName("001: 群众满意率低于96%的,扣1分 — 96 passes, 95.9 does not")
        void thresholdDeduct() {
            assertDecimal("5", criterion(score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("4.1", "satisfaction", 96)), "4.1"));
            assertDecimal("4", criterion(score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("4.1", "satisfaction", d("95.9"))), "4.1"));
        }

        @Test
        @DisplayName("004: 各乡镇调解疑难普通案件30件以上，年底没有完成任务的不得分")
        void thresholdZero() {
            assertDecimal("4", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("7", "cases", 30)), "7"));
            assertDecimal("0", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("7", "cases", 29)), "7"));
        }

        @Test
        @DisplayName("001: 信息分扣分超过2分及以上的按2分扣分 — a ratio over 8 points limited by its 2-point part")
        void ratioCappedByPart() {
            // 年度信息分 45 of 60: 8 × 15/60 = 2 → exactly the cap; 30 of 60 would be 4, limited to 2
            assertDecimal("6", criterion(score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("7.1", "ratio", 45)), "7.1"));
            assertDecimal("6", criterion(score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("7.1", "ratio", 30)), "7.1"));
            assertDecimal("7.2", criterion(score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("7.1", "ratio", 54)), "7.1"));
        }
    }

    @Test
    @DisplayName("RULES 8, 002: 没有达到得0分，达到得12分 — a level sets its part's score")
    void levels() {
        var reached = score("wushen-2018", SheetBuilder.of("wushen-2018").inputs("grassroots.1", "attained", "reached"));
        assertDecimal("20", criterion(reached, "grassroots.1"));
        var not = score("wushen-2018", SheetBuilder.of("wushen-2018").inputs("grassroots.1", "attained", "not-reached"));
        assertDecimal("8", criterion(not, "grassroots.1"));
        var e = assertThrows(ScoreException.class, () -> score("wushen-2018",
                SheetBuilder.of("wushen-2018").inputs("grassroots.1", "attained", "half")));
        assertTrue(e.detail().contains("reached"), e.getMessage());
    }

    @Nested
    @DisplayName("RULES 9-11: awards, symmetric targets, over-target bonus, bonus sections")
    class Awards {
        @Test
        @DisplayName("000 2023 Q2 加分项: 县级每篇加0.1分…市级0.2…省级0.5，上限2分")
        void awardPerCountCapped() {
            var b = score("lushan-2023-q2", SheetBuilder.of("lushan-2023-q2").inputs("b1", "county", 3, "city", 2));
            assertDecimal("0.7", criterion(b, "b1"));
            var capped = score("lushan-2023-q2", SheetBuilder.of("lushan-2023-q2").inputs("b1", "province", 3, "city", 2));
            assertDecimal("1.9", criterion(capped, "b1"), "1.5 + 0.4 = 1.9, under the 2-point cap");
            var more = score("lushan-2023-q2", SheetBuilder.of("lushan-2023-q2").inputs("b1", "province", 4, "city", 2));
            assertDecimal("2", criterion(more, "b1"));
            assertDecimal("2", more.bonus());
        }

        @Test
        @DisplayName("004: 年内完成省厅采用信息3篇…每增1篇加2分，每少1篇扣2分(6分)")
        void symmetric() {
            assertDecimal("2", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("34", "province-info", 1)), "34"));
            assertDecimal("6", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("34", "province-info", 3)), "34"));
            assertDecimal("6", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("34", "province-info", 5)), "34"),
                    "symmetric awards stay within the item's points");
        }

        @Test
        @DisplayName("004: 培育2个社会组织。每少1个扣1分，多1个加1分，最高加4分（2分） — beyond the maximum")
        void overTarget() {
            assertDecimal("1", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("5", "organisations", 1)), "5"));
            assertDecimal("5", criterion(score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("5", "organisations", 5)), "5"));
            var many = score("jiangsu-county-2016", SheetBuilder.of("jiangsu-county-2016").inputs("5", "organisations", 9));
            assertDecimal("6", criterion(many, "5"), "2 + at most 4");
            assertDecimal("104", many.total(), "the over-target bonus lifts the total beyond 100");
        }

        @Test
        @DisplayName("001: 同一加分项多级加分的，以最高计分标准加分 — 创建成功 3 and 申报 1: only 3 counts")
        void highestOnly() {
            var b = score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("b1", "created", 1).inputs("b2", "applied", 1));
            assertDecimal("3", b.bonus());
            assertEquals(Breakdown.Status.SUPERSEDED, b.criterion("b2").orElseThrow().status());
            assertDecimal("103", b.total(), "001: 考核加分不封顶 — the bonus section has no cap");
        }
    }

    @Nested
    @DisplayName("RULES 12-13: penalties outside the criteria, vetoes")
    class PenaltiesAndVetoes {
        @Test
        @DisplayName("001: 第一次每人次扣1分，第二次每人次扣2分 — escalating, and 一票否决 for honours")
        void escalatingPenaltyWithVeto() {
            var b = score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("p1", "notified", List.of(2, 1)));
            assertDecimal("-4", b.penalty(), "2 × 1 + 1 × 2");
            assertDecimal("96", b.total());
            assertEquals(1, b.vetoes().size());
            assertEquals(VetoEffect.NO_HONOURS, b.vetoes().get(0).effect());
            assertEquals("p1/notified", b.vetoes().get(0).source());
            assertFalse(b.voided());
        }

        @Test
        @DisplayName("001: 上级…每人次扣5分 — penalties are not floored by a criterion")
        void uncappedPenalty() {
            var b = score("xx-district-2023", SheetBuilder.of("xx-district-2023").inputs("p2", "superior", 3));
            assertDecimal("-15", b.penalty());
            assertDecimal("85", b.total());
        }

        @Test
        @DisplayName("000 说明 2: 有下列情况之一实行一票否决 — a veto on the sheet voids the result but keeps the score")
        void sheetVeto() {
            Rubric r = Shipped.rubric("lushan-2022");
            String veto = r.vetoes().get(0).id();
            var b = scorer.score(r, SheetBuilder.of("lushan-2022").veto(veto).build());
            assertTrue(b.voided());
            assertDecimal("100", b.total());
        }

        @Test
        @DisplayName("an unknown veto id is refused")
        void unknownVeto() {
            assertThrows(ScoreException.class, () -> scorer.score(Shipped.rubric("lushan-2022"),
                    SheetBuilder.of("lushan-2022").veto("no-such-veto").build()));
        }
    }

    @Test
    @DisplayName("RULES 20, 002: 此项针对有党员的司法所 — not applicable removes the points from the maximum")
    void notApplicable() {
        var without = score("wushen-2018", SheetBuilder.of("wushen-2018").attribute("partyMembers", "no"));
        var with = score("wushen-2018", SheetBuilder.of("wushen-2018").attribute("partyMembers", "yes"));
        assertEquals(Breakdown.Status.NOT_APPLICABLE, without.criterion("political.2").orElseThrow().status());
        assertDecimal("5", with.maximum().subtract(without.maximum()));
        var explicit = score("lushan-2022", SheetBuilder.of("lushan-2022").notApplicable("11.1"));
        assertDecimal("97", explicit.total());
        assertDecimal("97", explicit.maximum());
    }

    @Test
    @DisplayName("a directly given score outside [0, maximum] or off-step is refused; a rule-less criterion takes it as is")
    void directScores() {
        var ok = score("lushan-2022", SheetBuilder.of("lushan-2022").score("1.1", "1.5"));
        assertDecimal("1.5", criterion(ok, "1.1"));
        var over = assertThrows(ScoreException.class, () -> score("lushan-2022", SheetBuilder.of("lushan-2022").score("1.1", "6.5")));
        assertEquals("$.criteria[\"1.1\"].score", over.path());
        assertThrows(ScoreException.class, () -> score("lushan-2022", SheetBuilder.of("lushan-2022").score("1.1", "1.52")));
        assertThrows(ScoreException.class, () -> score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("1.1", "no-such-rule", 1)));
        assertThrows(ScoreException.class, () -> score("lushan-2022", SheetBuilder.of("lushan-2022").inputs("1.1", "rules", d("1.5"))),
                "a count must be a whole number");
    }
}
