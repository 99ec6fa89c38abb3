package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.model.Rubric;
import org.kaoping.score.Breakdown;
import org.kaoping.score.SheetScorer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A station's latest sheet against the one before it, across the 2022 → 2023 rubric change (琴台). */
class SheetChangesTest {
    private static final Corpus CORPUS = new CorpusLoader().load(SiteBuild.CONTENT, SiteBuild.RUBRICS);

    private static Breakdown score(String period, String station) {
        var sheet = CORPUS.sheetsOf(period).get(station).value();
        Rubric r = CORPUS.rubric(sheet.rubric()).orElseThrow();
        var reg = CORPUS.names().all().stream().filter(s -> s.id().equals(station)).findFirst().orElseThrow();
        return new SheetScorer().score(r, sheet.withAttributes(reg.attributes()));
    }

    private static BigDecimal lost(Breakdown b, String criterion) {
        var cs = b.criterion(criterion).orElseThrow();
        return cs.maximum().subtract(cs.score());
    }

    private static StationPage station(String id) {
        SiteModel m = SiteModelBuilder.build(CORPUS, Fingerprint.of(SiteBuild.CONTENT, SiteBuild.RUBRICS),
                Clock.systemUTC());
        return m.pages().stream().filter(p -> p instanceof StationPage s && s.id().equals(id))
                .map(p -> (StationPage) p).findFirst().orElseThrow();
    }

    @Test
    void qintaiComparesCriterionByCriterionThroughTheDeclaredCorrespondence() throws IOException {
        // The pairs as the rubric file declares them, read from the file itself.
        JsonNode pairs = new ObjectMapper().readTree(Path.of("rubrics/lushan-2023.json").toFile())
                .get("predecessor").get("criteria");
        Breakdown then = score("2022-annual", "qintai");
        Breakdown now = score("2023-q1", "qintai");
        Map<String, String> expected = new HashMap<>();
        pairs.fields().forEachRemaining(e -> {
            int cmp = lost(now, e.getKey()).compareTo(lost(then, e.getValue().asText()));
            expected.put(now.criterion(e.getKey()).orElseThrow().number(), cmp < 0 ? "gained" : cmp > 0 ? "lost" : "unchanged");
        });
        SheetChanges c = station("qintai").changes();
        assertTrue(c.comparable());
        assertEquals("2022 年度", c.from().label());
        assertEquals("2023 年第一季度", c.to().label());
        assertEquals(pairs.size(), c.changes().size());
        Map<String, String> actual = new HashMap<>();
        c.changes().forEach(ch -> actual.put(ch.number(), ch.kind()));
        assertEquals(expected, actual);
        // 党风廉政建设 moved from 九.2 (4 points) to 四.2 (7 points): compared by points lost, 0.25 then 1.5.
        SheetChanges.Change party = c.changes().stream().filter(ch -> ch.number().equals("四.2")).findFirst().orElseThrow();
        assertEquals("九.2", party.oldNumber());
        assertEquals("多失 1.25 分", party.verdict());
        // Unpaired on both sides, said plainly: 三 思想政治教育 and 五.6 调解案例报送 are new; 2022's 三 and 四 have no successor.
        assertEquals(List.of("三", "五.6"), c.onlyNew().stream().map(SheetChanges.Unpaired::number).toList());
        assertEquals(List.of("三", "四"), c.onlyOld().stream().map(SheetChanges.Unpaired::number).toList());
        long gained = actual.values().stream().filter("gained"::equals).count();
        long lostCount = actual.values().stream().filter("lost"::equals).count();
        assertTrue(c.summary().contains(gained + " 项少失分，" + lostCount + " 项多失分"), c.summary());
    }

    @Test
    void withoutADeclaredCorrespondenceTheRubricsAreNotCompared() {
        var older = new SheetComparisons.Scored(null, CORPUS.rubric("lushan-2022").orElseThrow(), score("2022-annual", "qintai"));
        Rubric q2 = CORPUS.rubric("lushan-2023-q2").orElseThrow();
        ScoredPeriod any = ScoredPeriods.of(CORPUS).get(0);
        SheetChanges c = SheetComparisons.compare(new SheetComparisons.Scored(any, older.rubric(), older.breakdown()),
                new SheetComparisons.Scored(any, q2, older.breakdown()));
        assertFalse(c.comparable());
        assertTrue(c.basis().contains("没有声明"), c.basis());
        assertTrue(c.changes().isEmpty());
    }

    @Test
    void aStationWithOneSheetHasNoComparison() {
        assertNull(station("kuqu").changes());
    }

    @Test
    void thePageShowsWhatChanged(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertEquals(0, SiteBuild.buildShipped(site).exitCode());
        Document d = Jsoup.parse(site.resolve("stations/qintai.html").toFile(), "UTF-8");
        SheetChanges c = station("qintai").changes();
        assertEquals(c.changed().size(), d.select("table.changes tbody tr").size());
        assertEquals(c.unchangedCount(), d.select("details.unchanged li").size());
        assertTrue(d.selectFirst("section.sheet-changes").text().contains("无法比较"));
        assertTrue(Jsoup.parse(site.resolve("stations/kuqu.html").toFile(), "UTF-8").select("section.sheet-changes").isEmpty());
    }
}
