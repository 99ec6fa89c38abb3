package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.score.Breakdown;
import org.kaoping.score.SheetScorer;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drafted 考核情况报告 against the bureau's own reports and against the sheets. */
class ReportDraftTest {
    private static final Corpus CORPUS = new CorpusLoader().load(SiteBuild.CONTENT, SiteBuild.RUBRICS);
    private static final SiteModel MODEL = SiteModelBuilder.build(CORPUS,
            Fingerprint.of(SiteBuild.CONTENT, SiteBuild.RUBRICS), Clock.systemUTC());

    /**
     * The score list as the seed prints it (000_e9ae300c31e9666c.txt line 19), copied character for character.
     * OCR mends applied before comparing: none are needed in this line — every station name and figure
     * reads correctly (the OCR variants of the seed, 碓子营/漾河 and the like, occur in other lines).
     */
    private static final String SOURCE_2022 = "25个司法所的得分情况具体如下：观音寺司法所97.5分、张良司法所94.5分、库区司法所94.4分、瓦屋司法所92分、董周司法所92分、琴台司法所91.9分、张店司法所91.75分、赵村司法所91.5分、熊背司法所89.75分、背孜司法所89.55分、尧山司法所89.25分、磙子营司法所88.4分、鲁阳司法所88.15分、梁洼司法所87.5分、辛集司法所87.4分、下汤司法所87.4分、四棵树司法所86.75分、团城司法所84.9分、仓头司法所83.3分、马楼司法所82.9分、露峰司法所82.9分、瀼河司法所82.65分、土门司法所81.25分、张官营司法所79.75分、汇源司法所74.3分。";
    private static final Map<String, String> MENDS_2022 = Map.of();

    /** The 2021 report's list (line 1097). Its ranking list (lines 1058-1082) prints 碓子营 and 漾河; this line does not. */
    private static final String SOURCE_2021 = "25个司法所的得分情况具体如下：观音寺司法所98分、鲁阳司法所96.5分、梁洼司法所95.5分、张良司法所92分、尧山司法所91.5分、董周司法所90.7分、磙子营司法所90.5分、背孜司法所90.4分、库区司法所89.5分、琴台司法所88分、张店司法所86.5分、仓头司法所86.5分、熊背司法所86分、汇源司法所85.5分、瓦屋司法所85分、下汤司法所85分、赵村司法所84.5分、露峰司法所84.5分、瀼河司法所81.5分、团城司法所80.5分、马楼司法所80.5分、张官营司法所80分、土门司法所79.7分、辛集司法所74分、四棵树司法所70.34分。";
    private static final Map<String, String> MENDS_2021 = Map.of();

    static ReportPage report(String periodId) {
        return MODEL.pages().stream().filter(p -> p instanceof ReportPage r && r.periodId().equals(periodId))
                .map(p -> (ReportPage) p).findFirst().orElseThrow();
    }

    private static String mend(String s, Map<String, String> mends) {
        for (var e : mends.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    @Test
    void the2022ScoreListIsTheReportsOwnSentence() {
        assertEquals(mend(SOURCE_2022, MENDS_2022), report("2022-annual").report().scoreList());
    }

    @Test
    void the2021ScoreListIsTheReportsOwnSentence() {
        assertEquals(mend(SOURCE_2021, MENDS_2021), report("2021-annual").report().scoreList());
    }

    @Test
    void methodIsDrawnFromTheData() {
        ReportDraft r = report("2022-annual").report();
        assertTrue(r.intro().contains("2023年1月31日至2月9日"), r.intro());
        assertTrue(r.intro().contains("对观音寺、张良、库区、瓦屋等25个司法所"), r.intro());
        String method = r.method().get(0);
        // The bureau's own words: "…安全生产、信访稳定工作，共计 15 项，100 分。"
        assertTrue(method.contains("所务管理、提升执法满意度、执法司法顽瘴痼疾、能力作风建设年活动、人民调解工作"), method);
        assertTrue(method.contains("安全生产、信访稳定工作，共计15项，100分"), method);
        assertTrue(report("2021-annual").report().method().get(0).contains("没有考核细则"));
        // The bureau (line 17) names 观音寺、张良、库区、瓦屋 as leading and 马楼、张官营、汇源 as lagging; the
        // draft goes by place: 瓦屋 and 董周 share 92 (places 4 and 5 by the published order), 马楼 is 20th.
        assertTrue(r.overall().contains("其中，观音寺司法所、张良司法所、库区司法所、瓦屋司法所得分居前；"
                + "土门司法所、张官营司法所、汇源司法所得分居后。"), r.overall().toString());
        String partial = report("2023-q2").report().method().get(0);
        assertTrue(partial.contains("细则仅存部分内容") && !partial.contains("共计"), partial);
    }

    /**
     * Every station named in a problem lost points on that criterion according to its own sheet (scored
     * afresh here), every station not named did not, and the counts are what the sheets give.
     */
    @Test
    void problemsNameExactlyTheStationsThatLostPointsAndCountThem() {
        for (String periodId : List.of("2022-annual", "2023-q1")) {
            ReportDraft r = report(periodId).report();
            var period = CORPUS.periods().stream().filter(p -> p.value().id().equals(periodId)).findFirst()
                    .orElseThrow().value();
            Rubric rubric = CORPUS.rubric(period.rubric()).orElseThrow();
            Map<String, Breakdown> scored = new java.util.TreeMap<>();
            CORPUS.sheetsOf(periodId).forEach((station, ls) -> {
                Sheet s = ls.value();
                var reg = CORPUS.names().all().stream().filter(x -> x.id().equals(station)).findFirst().orElseThrow();
                scored.put(station, new SheetScorer().score(rubric, s.withAttributes(reg.attributes())));
            });
            int sheets = scored.size();
            int need = new BigDecimal("0.5").multiply(BigDecimal.valueOf(sheets))
                    .setScale(0, java.math.RoundingMode.CEILING).max(BigDecimal.valueOf(2)).intValueExact();
            Set<String> seen = new HashSet<>();
            int commons = 0;
            for (ReportDraft.ProblemSection ps : r.problems()) {
                for (boolean common : List.of(true, false)) {
                    for (ReportDraft.Problem p : common ? ps.common() : ps.individual()) {
                        assertTrue(seen.add(p.criterion()), "criterion listed twice: " + p.criterion());
                        Section section = rubric.sections().stream()
                                .filter(s -> s.criteria().stream().anyMatch(c -> c.id().equals(p.criterion())))
                                .findFirst().orElseThrow();
                        Set<String> lost = new TreeSet<>();
                        scored.forEach((station, b) -> {
                            Breakdown.CriterionScore cs = b.criterion(p.criterion()).orElseThrow();
                            boolean lostHere = cs.status() != Breakdown.Status.NOT_APPLICABLE
                                    && (section.kind() == SectionKind.PENALTY ? cs.score().signum() < 0
                                    : cs.score().compareTo(cs.maximum()) < 0);
                            if (lostHere) {
                                lost.add(station);
                            }
                        });
                        assertEquals(lost, new TreeSet<>(p.stationIds()), periodId + " " + p.number());
                        assertEquals(lost.size(), p.count(), periodId + " " + p.number());
                        assertEquals(sheets, p.sheets());
                        assertEquals(common, p.count() >= need, periodId + " " + p.number() + " common/individual");
                        for (String station : p.stationIds()) {
                            assertTrue(p.text().contains(CORPUS.names().all().stream()
                                    .filter(x -> x.id().equals(station)).findFirst().orElseThrow().name()), p.text());
                        }
                        commons += common ? 1 : 0;
                    }
                }
            }
            // Every criterion on which some sheet lost points is a problem of one kind or the other.
            for (Criterion c : rubric.allCriteria()) {
                boolean anyLoss = scored.values().stream().anyMatch(b -> {
                    var cs = b.criterion(c.id()).orElseThrow();
                    return cs.status() != Breakdown.Status.NOT_APPLICABLE && cs.score().compareTo(cs.maximum()) < 0;
                });
                boolean bonus = rubric.sections().stream().anyMatch(s -> s.kind() == SectionKind.BONUS
                        && s.criteria().contains(c));
                assertEquals(anyLoss && !bonus, seen.contains(c.id()), periodId + " " + c.number());
            }
            if (periodId.equals("2022-annual")) {
                assertTrue(commons >= 5, "the 2022 sheets share several problems: " + commons);
            } else {
                assertEquals(0, commons, "one sheet alone makes no common problem");
            }
        }
    }

    @Test
    void stationsFollowTheRankingWithTheBureausWordingBeside() {
        ReportDraft r = report("2022-annual").report();
        assertEquals(25, r.stations().size());
        assertEquals("guanyinsi", r.stations().get(0).stationId());
        assertEquals("huiyuan", r.stations().get(24).stationId());
        ReportDraft.StationDetail kuqu = r.stations().get(2);
        assertTrue(kuqu.fromSheet());
        // 库区's sheet: 一.1 corrected to 1.5 of 2, reason "2022 法援台账无记录".
        assertTrue(kuqu.draft().contains("2022 法援台账无记录（一.1，扣0.5分）"), kuqu.draft());
        assertTrue(kuqu.wording().startsWith("法律援助台账2022年度无记录"), kuqu.wording());
        ReportDraft.StationDetail huiyuan = r.stations().get(24);
        assertFalse(huiyuan.fromSheet());
        assertTrue(huiyuan.hasWording());
        assertEquals("2022 年度考核情况报告", r.wordingSource());
        assertEquals("", report("2023-q2").report().wordingSource());
    }

    /** A county's report page is its whole draft: every station, every problem's full sentence. */
    @Test
    void aCountysPageShowsTheWholeDraft() {
        for (String period : List.of("2021-annual", "2022-annual")) {
            ReportDraft d = report(period).report();
            assertEquals(d.stations(), d.pageStations());
            assertEquals("", d.pageStationsNote());
            assertEquals(d.scoreList(), d.pageScoreList());
            d.problems().forEach(s -> java.util.stream.Stream.concat(s.common().stream(), s.individual().stream())
                    .forEach(p -> assertEquals(p.text(), p.pageText())));
        }
    }
}
