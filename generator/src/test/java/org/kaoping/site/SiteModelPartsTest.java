package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.model.Rubric;
import org.kaoping.write.OutputException;
import org.kaoping.write.OutputFolder;
import org.kaoping.write.Staging;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site model's parts: statistics, rubric changes, wording, and the guards on paths. */
class SiteModelPartsTest {
    @TempDir
    Path temp;

    private static final Corpus CORPUS = new CorpusLoader().load(SiteBuild.CONTENT, SiteBuild.RUBRICS);

    private static Rubric rubric(String id) {
        return CORPUS.rubric(id).orElseThrow();
    }

    @Test
    void statisticsUseTheSampleStandardDeviationAndTheUsualMedian() {
        SectionStatistics s = SectionStatistics.of("x", "10", List.of(new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("5")), 2);
        assertEquals(5, s.count());
        assertEquals("3.00", s.mean());
        assertEquals("3.00", s.median());
        assertEquals("1.00", s.min());
        assertEquals("5.00", s.max());
        assertEquals("1.58", s.standardDeviation()); // sqrt(10/4), divisor n − 1
    }

    @Test
    void belowTheMinimumSampleOnlyTheRangeIsShown() {
        SectionStatistics one = SectionStatistics.of("x", "", List.of(new BigDecimal("92")), 2);
        assertEquals(List.of(1, "—", "—", "92.00", "92.00", "—"),
                List.of(one.count(), one.mean(), one.median(), one.min(), one.max(), one.standardDeviation()));
        SectionStatistics four = SectionStatistics.of("x", "", List.of(new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("3"), new BigDecimal("4")), 1);
        assertEquals(List.of("—", "1.0", "4.0"), List.of(four.mean(), four.min(), four.max()));
    }

    @Test
    void rubricDiffMatchesCriteriaByWhatTheyAssessNotById() {
        RubricDiff d = RubricDiff.between(rubric("lushan-2022"), rubric("lushan-2023"));
        // 党风廉政建设 moved from 九 to 四; its 9.2 (4 points) became 4.2 (7 points).
        assertTrue(d.pointsMoved().stream().anyMatch(m -> m.oldNumber().equals("九.2") && m.newNumber().equals("四.2")
                && m.oldPoints().equals("4") && m.newPoints().equals("7")), d.pointsMoved().toString());
        assertTrue(d.added().stream().anyMatch(e -> e.content().contains("调解案例报送")), d.added().toString());
        assertTrue(d.removed().stream().anyMatch(e -> e.content().contains("执法司法顽瘴痼疾")), d.removed().toString());
        assertTrue(d.sectionChanges().stream().anyMatch(s -> s.contains("一 所务管理") && s.contains("8 分调整为 10 分")));
        assertFalse(d.unchanged());
        assertTrue(RubricDiff.between(rubric("lushan-2022"), rubric("lushan-2022")).unchanged());
    }

    @Test
    void theTieRuleIsWordedFromTheConfiguration() {
        var q2 = rubric("lushan-2023-q2");
        String totals = String.join("", AssessmentWording.totals(q2.assessment(), q2, null));
        assertTrue(totals.contains("总分 = 现场考核得分 × 60% + 评价量化计分 × 40%"), totals);
        assertTrue(String.join("", AssessmentWording.ties(q2.assessment(), q2.vetoes())).contains("名次并列"));
        var y22 = rubric("lushan-2022");
        assertTrue(String.join("", AssessmentWording.ties(y22.assessment(), y22.vetoes())).contains("按原始公布材料中的先后顺序"));
    }

    @Test
    void numbersAreShownWithoutTrailingZeros() {
        assertEquals("97.5", Numbers.plain(new BigDecimal("97.50")));
        assertEquals("92", Numbers.plain(new BigDecimal("92.00")));
        assertEquals("0", Numbers.plain(new BigDecimal("0.00")));
        assertEquals("60%", Numbers.percent(new BigDecimal("0.6")));
    }

    @Test
    void anIdThatWouldLeaveTheOutputFolderIsABuildError() {
        assertThrows(SiteException.class, () -> Slug.stationPage("../etc"));
        assertThrows(SiteException.class, () -> Slug.stationPage("a/b"));
        assertThrows(SiteException.class, () -> Slug.periodPage("a..b"));
        assertEquals("stations/kuqu.html", Slug.stationPage("kuqu"));
    }

    @Test
    void stagingRefusesPathsOutsideTheFolder() {
        Staging s = OutputFolder.open(temp.resolve("out"), List.of()).stage();
        for (String bad : List.of("../x.html", "/etc/x", "a/../../x", "a//b", ".kaoping-output", "C:x", "a\\b")) {
            assertThrows(OutputException.class, () -> s.write(bad, new byte[0]), bad);
        }
        s.write("ok/page.html", new byte[]{1});
        assertThrows(OutputException.class, () -> s.write("ok/page.html", new byte[]{2}), "same path twice");
        s.discard();
        assertFalse(Files.exists(temp.resolve("out.staging")));
        assertFalse(Files.exists(temp.resolve("out")));
    }
}
