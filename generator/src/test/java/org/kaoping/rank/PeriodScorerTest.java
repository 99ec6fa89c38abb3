package org.kaoping.rank;

import org.kaoping.load.StrictJson;
import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.TiePolicy;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kaoping.support.Decimals.assertDecimal;

/** Period-level rules (RULES 14-19) on the sources' own figures. */
class PeriodScorerTest {

    private static Period period(String json) throws Exception {
        return StrictJson.mapper().readValue(json, Period.class);
    }

    private static List<BigDecimal> decimals(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    @DisplayName("RULES 19: shared places 1, 2, 2, 4; sequential places follow the tie-break")
    void places() {
        List<BigDecimal> totals = decimals("92.06", "92.3", "92.06", "92.02");
        assertArrayEquals(new int[]{2, 1, 2, 4}, Places.assign(totals, TiePolicy.SHARED, Comparator.naturalOrder()));
        assertArrayEquals(new int[]{2, 1, 3, 4}, Places.assign(totals, TiePolicy.SEQUENTIAL, Comparator.naturalOrder()));
        assertArrayEquals(new int[]{3, 1, 2, 4}, Places.assign(totals, TiePolicy.SEQUENTIAL, Comparator.reverseOrder()));
    }

    @Test
    @DisplayName("RULES 19: exact values decide — 89.55 and 89.550 tie, 89.551 does not")
    void exactTies() {
        assertArrayEquals(new int[]{1, 1, 3}, Places.assign(decimals("89.55", "89.550", "89.549"), TiePolicy.SHARED, Comparator.naturalOrder()));
    }

    @Test
    @DisplayName("RULES 15 and 14, 001: 领导班子平均分 × 60% + 科室负责人平均分 × 40%; 测评总分前七名分别加4、3.5…1分")
    void ratersAndRankBonus() throws Exception {
        // 001 gives no points per grade; these are an example scale, declared in the assessment as data.
        String assessment = """
                {"scale": 2, "rounding": "HALF_UP",
                 "components": [{"id": "score", "title": "实施细则得分", "source": "given"}],
                 "raters": {"grades": {"A": 100, "B": 90, "C": 80, "D": 70},
                            "groups": [{"id": "leaders", "title": "局领导班子成员", "weight": 0.6},
                                       {"id": "heads", "title": "局机关各科室负责人", "weight": 0.4}]},
                 "rankBonuses": [{"id": "evaluation-top7", "title": "测评总分前七名", "basis": "raters", "awards": [4, 3.5, 3, 2.5, 2, 1.5, 1]}],
                 "ranking": {"ties": "shared"}}""";
        StringBuilder results = new StringBuilder();
        String[][] grades = {{"A", "A", "A"}, {"A", "A", "B"}, {"A", "B", "B"}, {"B", "B", "B"}, {"B", "B", "C"},
                {"B", "C", "C"}, {"C", "C", "C"}, {"C", "C", "D"}, {"D", "D", "D"}};
        for (int i = 0; i < grades.length; i++) {
            results.append(i == 0 ? "" : ",").append("{\"station\": \"s").append(i).append("\", \"components\": {\"score\": 90},")
                    .append("\"raters\": {\"leaders\": [\"").append(String.join("\",\"", grades[i])).append("\"], \"heads\": [\"B\"]}}");
        }
        Period p = period("{\"id\": \"x\", \"title\": \"x\", \"type\": \"annual\", \"year\": 2023, \"source\": \"test\","
                + "\"assessment\": " + assessment + ", \"results\": [" + results + "]}");
        Standings s = new PeriodScorer().score(p, null, Map.of(), Map.of());
        Standing first = s.of("s0").orElseThrow();
        assertDecimal("4", first.bonuses().get("evaluation-top7"));
        assertDecimal("94", first.total(), "90 + bonus 4");
        // s1: leaders (100+100+90)/3 = 96.666… → 96.67 at scale 2, × 0.6 = 58.002; + 90 × 0.4 = 36 → 94.002 → 94.00
        assertDecimal("3.5", s.of("s1").orElseThrow().bonuses().get("evaluation-top7"));
        assertDecimal("1", s.of("s6").orElseThrow().bonuses().get("evaluation-top7"), "seventh place gets 1");
        assertEquals(null, s.of("s7").orElseThrow().bonuses().get("evaluation-top7"), "eighth gets nothing");
        assertEquals(1, first.place());
    }

    @Test
    @DisplayName("RULES 16-18, 002: 70/10/10/10, 有一项创新突破加5分, 前2名实绩突出, 末位实绩一般, a disqualifier bars the upper tiers")
    void weightedTiersDisqualifiers() {
        var a = Shipped.rubric("wushen-2018").assessment();
        StringBuilder results = new StringBuilder();
        String[] content = {"95", "93", "91", "88", "80"};
        for (int i = 0; i < content.length; i++) {
            results.append(i == 0 ? "" : ",").append("{\"station\": \"u").append(i)
                    .append("\", \"components\": {\"content\": ").append(content[i])
                    .append(", \"township\": 90, \"leadership\": 90, \"group\": 90}")
                    .append(i == 2 ? ", \"bonuses\": {\"innovation\": 1}" : "")
                    .append(i == 0 ? ", \"disqualifiers\": [\"dq1\"]" : "").append("}");
        }
        Period p;
        try {
            p = period("{\"id\": \"x\", \"title\": \"x\", \"type\": \"annual\", \"year\": 2018, \"source\": \"test\", \"results\": [" + results + "]}");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Standings s = new PeriodScorer().score(p, Shipped.rubric("wushen-2018"), Map.of(), Map.of());
        // u2: 91 × 0.7 + 27 = 90.7, + 5 innovation = 95.7: first place
        assertEquals("u2", s.lines().get(0).station());
        assertDecimal("95.7", s.lines().get(0).total());
        assertDecimal("93.5", s.of("u0").orElseThrow().total());
        assertEquals("outstanding", s.of("u2").orElseThrow().tier());
        assertEquals("fair", s.of("u0").orElseThrow().tier(), "2nd by score, but dq1: 不得进入实绩比较突出单位以上档次");
        assertEquals(2, s.of("u0").orElseThrow().place(), "a disqualifier changes the tier, not the place");
        assertEquals("good", s.of("u1").orElseThrow().tier(), "3rd: the top-2 places are counted by place, not refilled");
        assertEquals("fair", s.of("u4").orElseThrow().tier());
        assertEquals(a.tiers().levels().size(), 3);
    }

    @Test
    @DisplayName("RULES 17, 002: a station is scored on several category sheets; a component can take one sheet's subtotal")
    void categorySheets() throws Exception {
        var rubric = Shipped.rubric("wushen-2018");
        var sheet = org.kaoping.support.SheetBuilder.of("wushen-2018")
                .score("general.1", "25").score("it.1", "3")
                .inputs("grassroots.1", "attained", "not-reached")
                .build();
        var b = new org.kaoping.score.SheetScorer().score(rubric, sheet);
        var subtotals = new java.util.LinkedHashMap<String, String>();
        b.sheets().forEach(x -> subtotals.put(x.id(), x.score().stripTrailingZeros().toPlainString() + "/"
                + x.maximum().stripTrailingZeros().toPlainString()));
        // general.1 is 30 points given 25, it.1 is 5 given 3: the general sheet loses 7 of its 100
        assertEquals("93/100", subtotals.get("station-general"));
        assertEquals("88/100", subtotals.get("station-grassroots"), "没有达到得0分 — the 12-point part lost");
        assertEquals("100/100", subtotals.get("notary"));
        Period p = period("""
                {"id": "x", "title": "x", "type": "annual", "year": 2018, "source": "test",
                 "assessment": {"scale": 2, "rounding": "HALF_UP",
                   "components": [{"id": "general", "title": "综合", "weight": 0.5, "source": "sheet:station-general"},
                                  {"id": "grassroots", "title": "基层", "weight": 0.5, "source": "sheet:station-grassroots"}],
                   "ranking": {"ties": "shared"}},
                 "results": [{"station": "s1"}]}""");
        Standings s = new PeriodScorer().score(p, rubric, Map.of("s1", sheet), Map.of());
        assertDecimal("90.5", s.lines().get(0).total(), "93 × 0.5 + 88 × 0.5");
    }
}
