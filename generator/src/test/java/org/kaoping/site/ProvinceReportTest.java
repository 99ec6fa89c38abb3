package org.kaoping.site;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Corpus;
import org.kaoping.render.PeriodDownloads;
import org.kaoping.render.ReportDocx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A province's report page stays light (issue 12): it details the first {@link Paging#PAGE} stations and names at
 * most {@link ReportDrafts#PAGE_NAMES} stations per problem, counting the rest, while the .docx and .txt (the
 * draft's {@code text} and {@code stations}) keep every station. At 10,000 stations the page weighed 17 MB.
 * A synthetic province of 130 stations with full sheets (`kaoping sample`), modelled in memory.
 */
class ProvinceReportTest {
    private static final int STATIONS = 130;

    @TempDir
    static Path temp;
    static ReportPage page;
    static ReportDraft draft;

    @BeforeAll
    static void model() {
        Path content = Cli.sample(temp.resolve("content"), STATIONS, 1, 5);
        Corpus corpus = new CorpusLoader().load(content, SiteBuild.RUBRICS);
        SiteModel model = SiteModelBuilder.build(corpus, Fingerprint.of(content, SiteBuild.RUBRICS), Clock.systemUTC());
        page = model.pages().stream().filter(p -> p instanceof ReportPage).map(p -> (ReportPage) p)
                .findFirst().orElseThrow();
        draft = page.report();
    }

    /**
     * A paged period's .docx is deflated at the fastest level, as its workbook is (a county's keeps POI's bytes);
     * {@code ReportDocxTest} holds what it contains to POI's.
     */
    @Test
    void thePagedPeriodsReportIsDeflatedAtTheFastestLevel() throws IOException {
        assertTrue(page.sheetsOnStationPages(), "130 stations: a paged period");
        byte[] written = PeriodDownloads.files(page).get(ReportPage.docxFile(page.periodId()));
        ByteArrayOutputStream fastest = new ByteArrayOutputStream();
        ReportDocx.write(draft, fastest, ReportDocx.PAGED_LEVEL);
        assertArrayEquals(fastest.toByteArray(), written);
        assertFalse(Arrays.equals(ReportDocx.bytes(draft), written), "not at POI's level");
    }

    @Test
    void thePageDetailsTheFirstPageOfStationsAndSaysWhereTheRestAre() {
        assertEquals(STATIONS, draft.stations().size(), "the downloads detail every station");
        assertEquals(draft.stations().subList(0, Paging.PAGE), draft.pageStations(), "the first 100, in ranking order");
        assertEquals("本页列出排名前100的司法所；其余30个司法所的具体情况见上方的报告下载（.docx、.txt），各所的失分也见各所页面。",
                draft.pageStationsNote());
    }

    /** The page's score list is the first 100 entries of the full one, word for word. */
    @Test
    void theScoreListOnThePageIsTheFullListsFirstPage() {
        String page = draft.pageScoreList();
        assertTrue(page.startsWith(STATIONS + "个司法所的得分情况具体如下（本页列出前100名，全部见报告下载）："), page);
        assertTrue(page.endsWith("……。"), page);
        String items = page.substring(page.indexOf("：") + 1, page.length() - "……。".length());
        assertTrue(draft.scoreList().startsWith(STATIONS + "个司法所的得分情况具体如下：" + items + "、"), items);
        assertEquals(Paging.PAGE - 1, items.split("分、", -1).length - 1, "100 entries");
    }

    /** Each problem's page sentence is its full sentence with the names after the first 20 counted instead. */
    @Test
    void aProblemNamesAtMostTwentyStationsOnThePage() {
        int shortened = 0;
        int kept = 0;
        for (ReportDraft.ProblemSection section : draft.problems()) {
            for (List<ReportDraft.Problem> kind : List.of(section.common(), section.individual())) {
                for (ReportDraft.Problem p : kind) {
                    List<String> names = p.stationIds().stream().map(id -> draft.stations().stream()
                            .filter(d -> d.stationId().equals(id)).findFirst().orElseThrow().station()).toList();
                    for (String name : names) {
                        assertTrue(p.text().contains(name), "the full sentence names " + name);
                    }
                    if (names.size() <= ReportDrafts.PAGE_NAMES) {
                        kept++;
                        assertEquals(p.text(), p.pageText());
                        continue;
                    }
                    shortened++;
                    String counted = "等" + names.size() + "个所";
                    assertTrue(p.pageText().contains(counted), p.pageText());
                    // Everything before the count is the full sentence up to the 21st station's name.
                    String before = p.pageText().substring(0, p.pageText().indexOf(counted));
                    int cut = p.text().indexOf("、" + names.get(ReportDrafts.PAGE_NAMES));
                    assertEquals(p.text().substring(0, cut), before);
                    for (String name : names.subList(ReportDrafts.PAGE_NAMES, names.size())) {
                        assertTrue(!before.contains(name), name + " is counted, not named");
                    }
                    String after = p.pageText().substring(before.length() + counted.length());
                    assertTrue(p.text().endsWith(after), "the sentence ends as the full one does: " + after);
                }
            }
        }
        assertTrue(shortened > 5 && kept > 0, shortened + " shortened, " + kept + " kept");
    }
}
