package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.kaoping.load.Corpus;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.PeriodScorer;
import org.kaoping.rank.Standing;
import org.kaoping.rank.Standings;
import org.kaoping.support.Shipped;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A station page's lead on the sample's real 2022 and 2023 sheets: the lost items, which alone would pass the
 * place above, and the fewest that together would — each claim checked by ranking the whole period again
 * with the items restored (rank.PeriodScorer over the changed sheet), not by adding figures.
 */
class StationFocusTest {
    private static final Corpus CORPUS = Shipped.corpus();
    private static final List<ScoredPeriod> PERIODS = ScoredPeriods.of(CORPUS);
    private static final Stations STATIONS = new Stations(CORPUS);

    private static ScoredPeriod period(String id) {
        return PERIODS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static StationFocus focus(String periodId, String station) {
        ScoredPeriod sp = period(periodId);
        Standing s = sp.standing(station).orElseThrow();
        Station st = CORPUS.names().all().stream().filter(x -> x.id().equals(station)).findFirst().orElseThrow();
        Sheet sheet = sp.sheets().get(station).withAttributes(st.attributes()).withTargets(sp.period().targetsOf(station));
        return StationFocus.of(sp, s, sheet, STATIONS, true);
    }

    /**
     * The period ranked again by the engine with these criteria of the station's sheet restored (full
     * points): the station's new line, place included.
     */
    private static Standing rerankedWith(String periodId, String station, List<String> numbers) {
        ScoredPeriod sp = period(periodId);
        Rubric rubric = sp.rubric();
        Map<String, Sheet.Entry> restored = new LinkedHashMap<>();
        for (String n : numbers) {
            var c = rubric.sections().stream().flatMap(sec -> sec.criteria().stream())
                    .filter(x -> x.number().equals(n)).findFirst().orElseThrow(() -> new AssertionError("no item " + n));
            restored.put(c.id(), Sheet.Entry.ofScore(c.points()));
        }
        Map<String, Sheet> sheets = new TreeMap<>(sp.sheets());
        sheets.put(station, sheets.get(station).withEntries(restored));
        Map<String, Station> stations = new LinkedHashMap<>();
        CORPUS.names().all().forEach(s -> stations.put(s.id(), s));
        Standings again = new PeriodScorer().score(sp.period(), rubric, sheets, stations);
        return again.of(station).orElseThrow();
    }

    @Test
    void zhangliangNeedsThreeItemsBecauseTwoOnlyDrawLevelAndEqualTotalsGoByThePublishedOrder() {
        StationFocus f = focus("2022-annual", "zhangliang");
        assertEquals("2022 年度排第 2 名，距第 1 名差 3.00 分", f.gap());
        assertFalse(f.anyClosesGap(), "no single item of at most 1.5 points closes a gap of 3");
        StationFocus.Opportunity o = f.opportunity();
        assertTrue(o.reaches());
        // Largest first, ties in rubric order: 四 (1.5) and 七.4 (1.5) give 97.50, level with 观音寺 — not enough
        // under 2022's sequential ranking (观音寺 is listed first) — so 六.2 (1.0, before 九.2 in the rubric) is added.
        assertEquals(List.of("四", "七.4", "六.2"), o.numbers());
        assertEquals(List.of("4.00", "94.50", "98.50"), List.of(o.gain(), o.from(), o.to()));
        assertEquals("挽回 四、七.4 与 六.2 三项共 4.00 分，即可超过第 1 名观音寺司法所：总分由 94.50 分升至 98.50 分，"
                + "高于其 97.50 分。", o.sentence());
        assertTrue(o.tieRule().contains("按公布材料中的先后顺序"), o.tieRule());

        Standing three = rerankedWith("2022-annual", "zhangliang", o.numbers());
        assertEquals(0, new BigDecimal("98.50").compareTo(three.total()));
        assertEquals(1, three.place(), "re-ranked by the engine, the three items put 张良 first");
        Standing two = rerankedWith("2022-annual", "zhangliang", o.numbers().subList(0, 2));
        assertEquals(0, new BigDecimal("97.50").compareTo(two.total()), "two items draw level with 观音寺");
        assertEquals(2, two.place(), "and a draw is not a pass in 2022: 张良 stays second");
    }

    @Test
    void whenOneItemWouldDoTheLargestIsNamedAndEveryItemThatWouldIsMarked() {
        StationFocus f = focus("2022-annual", "kuqu");
        assertEquals("2022 年度排第 3 名，距第 2 名差 0.10 分", f.gap());
        assertEquals(List.of("七.4"), f.opportunity().numbers());
        assertEquals("只需挽回 七.4 这一项的 1.50 分，即可超过第 2 名张良司法所：总分由 94.40 分升至 95.90 分，高于其 94.50 分。",
                f.opportunity().sentence());
        // 四 lost only 0.10: restored alone it draws level with 张良 (94.50), which is not a pass
        StationFocus.Item four = f.items().stream().filter(i -> i.number().equals("四")).findFirst().orElseThrow();
        assertEquals("0.10", four.lost());
        assertFalse(four.closesGap());
        assertEquals(3, rerankedWith("2022-annual", "kuqu", List.of("四")).place(), "a draw keeps 库区 third, behind 张良");
        assertTrue(f.items().stream().filter(i -> !i.number().equals("四")).allMatch(StationFocus.Item::closesGap));
        assertTrue(f.someCloseGap() && !f.allCloseGap());
        for (StationFocus.Item i : f.items()) {
            if (i.closesGap()) {
                assertTrue(rerankedWith("2022-annual", "kuqu", List.of(i.number())).place() <= 2, i.number());
            }
        }
    }

    @Test
    void aStationLevelWithThePlaceAboveNeedsAnyGain() {
        StationFocus f = focus("2022-annual", "dongzhou"); // 92, listed after 瓦屋's 92
        assertEquals("2022 年度排第 5 名，与第 4 名同分，按同分排序规则列后", f.gap());
        assertTrue(f.allCloseGap(), "every lost item lifts 董周 above 92");
        assertEquals(List.of("七.4"), f.opportunity().numbers());
        assertEquals(4, rerankedWith("2022-annual", "dongzhou", List.of("五.3")).place(), "even the smallest item passes");
    }

    @Test
    void theLostItemsLinkToTheirRuleAndToTheirRowOfTheForm() {
        StationFocus f = focus("2023-q1", "qintai");
        StationFocus.Item first = f.items().get(0);
        assertEquals("四.2", first.number());
        assertEquals("rubrics/lushan-2023.html#c-4.2", first.href());
        assertEquals("selfcheck/lushan-2023.html#c-4.2", first.formHref());
        assertEquals("4.2", first.row());
        List<String> lost = f.items().stream().map(StationFocus.Item::lost).toList();
        List<BigDecimal> values = lost.stream().map(BigDecimal::new).toList();
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1).compareTo(values.get(i)) >= 0, "most points first: " + lost);
        }
        assertTrue(lost.stream().allMatch(s -> s.matches("\\d+\\.\\d{2}")), "the period's two decimals: " + lost);
        assertEquals(List.of("四.2"), f.opportunity().numbers());
        assertTrue(rerankedWith("2023-q1", "qintai", f.opportunity().numbers()).place() < 13);
    }

    @Test
    void theFirstPlaceHasNoGapAndNoOpportunity() {
        StationFocus f = focus("2022-annual", "guanyinsi");
        assertEquals("", f.gap());
        assertNull(f.opportunity());
        assertFalse(f.items().isEmpty(), "its lost items are still listed");
    }

    @Test
    void anItemRestoredInACappedSectionGainsOnlyWhatTheCapLets() {
        // One 2022 sheet, its 七 section capped below what it holds: restoring 七.4 alone then gains nothing.
        ScoredPeriod sp = period("2022-annual");
        Standing s = sp.standing("zhangliang").orElseThrow();
        var seven = sp.rubric().sections().stream().filter(x -> x.criteria().stream().anyMatch(c -> c.number().equals("七.4")))
                .findFirst().orElseThrow();
        BigDecimal held = s.breakdown().section(seven.id()).orElseThrow().score();
        var capped = new org.kaoping.model.Section(seven.id(), seven.number(), seven.title(), seven.kind(), seven.points(),
                held, seven.sheet(), seven.groups(), seven.criteria(), seven.notes());
        Rubric r0 = sp.rubric();
        List<org.kaoping.model.Section> sections = r0.sections().stream().map(x -> x.id().equals(seven.id()) ? capped : x)
                .toList();
        Rubric withCap = new Rubric(r0.id(), r0.title(), r0.issuer(), r0.periodType(), r0.year(), r0.total(), r0.scale(),
                r0.rounding(), r0.step(), r0.partial(), r0.source(), r0.attributes(), r0.sheets(), sections, r0.vetoes(),
                r0.assessment(), r0.notes(), r0.predecessor());
        Recovery r = Recovery.of(new ScoredPeriod(sp.period(), withCap, sp.standings(), sp.sheets(), sp.previous()), s,
                sp.sheets().get("zhangliang")).orElseThrow();
        List<Recovery.Lost> gains = r.withGains(Recovery.lostItems(withCap, s.breakdown()));
        Recovery.Lost l74 = gains.stream().filter(l -> l.criterion().number().equals("七.4")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("1.5").compareTo(l74.lost()));
        assertEquals(0, l74.gain().signum(), "the cap holds the section where it is");
        Recovery.Lost four = gains.stream().filter(l -> l.criterion().number().equals("四")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("1.5").compareTo(four.gain()), "an uncapped section gains what it lost");
    }

    @Test
    void aPenaltyItemThatDeductedIsALostItemAndAnUnearnedBonusIsNot() {
        Rubric xx = Shipped.rubric("xx-district-2023");
        Sheet sheet = org.kaoping.support.SheetBuilder.of("xx-district-2023").score("p3", "-2").build();
        List<Recovery.Lost> lost = Recovery.lostItems(xx, new org.kaoping.score.SheetScorer().score(xx, sheet));
        Recovery.Lost p3 = lost.stream().filter(l -> l.criterion().id().equals("p3")).findFirst().orElseThrow();
        assertEquals(org.kaoping.model.SectionKind.PENALTY, p3.kind());
        assertEquals(0, new BigDecimal("2").compareTo(p3.lost()));
        assertTrue(lost.stream().noneMatch(l -> l.kind() == org.kaoping.model.SectionKind.BONUS), lost.toString());
    }

    @Test
    void criterionAnchorsAreSafeInAnIdAndAFragmentOrRefused() {
        assertEquals("c-1.1", Slug.criterionAnchor("1.1"));
        assertEquals("c-s-sqjz.2", Slug.criterionAnchor("s-sqjz.2"));
        for (String bad : List.of("a b", "1\"><script>", "../x", "#x", "", "A1", "1/2")) {
            assertThrows(SiteException.class, () -> Slug.criterionAnchor(bad), bad);
        }
    }
}
