package org.kaoping.score;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.PeriodScorer;
import org.kaoping.rank.Standings;
import org.kaoping.validate.ContentConsistency;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kaoping.support.Decimals.assertDecimal;

/**
 * examples/rule-patterns: a rubric that uses every rule pattern of issue 13, scored through the
 * period (per-station targets included) to the figures worked out by hand below.
 *
 * Rubric rule-patterns-2026: scale 2, HALF_UP, step 0.5. 一 (30): 一.1 人民调解 10 (completionRatio and
 * excessRatio, per 10, cap 4, targets per station: 东城 120, 西城 80, 南山 150); 一.2 信息宣传 5 (earnPerCount,
 * 1 per article); 一.3 安置帮教 15 = part grade 10 (direct) + part missed 5 (perCount 1). 二 (20): 二.1 10
 * (discretionaryEach 1–4 per occurrence); 二.2 10 (discretionaryIf above 0.1 %, 1–8). 加分项 (cap 3): b1
 * (symmetric target 2, per 1, cap 2; awardPerCount 0.5, cap 1).
 *
 * 东城 dongcheng:
 *   一.1  achieved 150 of 120: shortfall 0; excess 10 × 30 / 120 = 2.50 → 10 + 2.50 = 12.50 (over its 10, by ≤ 4)
 *   一.2  3 articles: earns 3 of 5 → 3.00
 *   一.3  graded 8 of 10; 2 missed × 1 = 2 of the 5 → 8 + 3 = 11.00
 *   二.1  occurrences 1 + 2.5 = 3.5 → 6.50
 *   二.2  0.15 % > 0.1 %, the assessor takes 3 → 7.00
 *   b1    adopted 1 of 2: −1; promoted 3 × 0.5 = 1.5, capped at 1: +1 → 0.00 (the −1 counted, all of it)
 *   base 12.50 + 3 + 11 + 6.50 + 7 = 40.00; bonus 0; total 40.00
 * 西城 xicheng:
 *   一.1  67 of 80: 10 × 13 / 80 = 1.625 → HALF_UP 1.63 → 8.37; excess 0
 *   一.2  7 articles earn 7, limited to the 5 points → 5.00
 *   一.3  graded 10; 7 missed × 1 = 7, the part's budget 5 gives back 2 → 15 − 7 + 2 = 10.00
 *   二.1  4 + 4 + 3 = 11 → floored at 0 → 0.00
 *   二.2  0.08 %, no amount → 10.00
 *   b1    adopted 5: +3 capped at 2; promoted 1 × 0.5 → 2.50 (within the cap 3)
 *   base 8.37 + 5 + 10 + 0 + 10 = 33.37; bonus 2.50; total 35.87
 * 南山 nanshan:
 *   一.1  250 of 150: 10 × 100 / 150 = 6.67, capped at 4 → 14.00
 *   一.2  no articles (inputs empty): earns nothing → 0.00
 *   一.3  a score given for the whole criterion: 12.00
 *   二.1  no occurrences → 10.00
 *   二.2  0.3 % > 0.1 %, the assessor takes 8 → 2.00
 *   b1    adopted 0: −2 (capped at 2); nothing awarded → 0.00, and the −2 did not count (reported 0, not fired)
 *   base 14 + 0 + 12 + 10 + 2 = 38.00; bonus 0; total 38.00
 * Ranking (shared ties): 东城 40.00 first, 南山 38.00 second, 西城 35.87 third.
 */
class RulePatternsExampleTest {
    static final Path CONTENT = Path.of("examples/rule-patterns/content");
    static final Path RUBRICS = Path.of("examples/rule-patterns/rubrics");

    static final String EXCESS_MISSING = "$.criteria[1].inputs.excess: this rule's target is set per station (in the period's data, or the sheet's"
            + " \"targets\" under \"1/excess\"), and none is given";

    private static Corpus corpus;
    private static Rubric rubric;
    private static Period period;
    private static final Map<String, Breakdown> BREAKDOWNS = new HashMap<>();

    @BeforeAll
    static void load() {
        CorpusLoader loader = new CorpusLoader();
        corpus = loader.load(CONTENT, RUBRICS);
        assertEquals(List.of(), loader.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
        rubric = corpus.rubric("rule-patterns-2026").orElseThrow();
        period = corpus.periods().get(0).value();
        Map<String, Station> stations = new HashMap<>();
        corpus.stations().value().stations().forEach(s -> stations.put(s.id(), s));
        for (var e : corpus.sheetsOf(period.id()).entrySet()) {
            Sheet s = e.getValue().value().withAttributes(stations.get(e.getKey()).attributes())
                    .withTargets(period.targetsOf(e.getKey()));
            BREAKDOWNS.put(e.getKey(), new SheetScorer().score(rubric, s));
        }
    }

    private static void criteria(String station, String... idScore) {
        Breakdown b = BREAKDOWNS.get(station);
        for (int i = 0; i < idScore.length; i += 2) {
            assertDecimal(idScore[i + 1], b.criterion(idScore[i]).orElseThrow().score(), station + " " + idScore[i]);
        }
    }

    @Test
    @DisplayName("check finds nothing wrong with the example")
    void checks() {
        List<Diagnostic> found = new java.util.ArrayList<>();
        ContentConsistency.check(corpus, found);
        assertEquals(List.of(), found.stream().map(Diagnostic::format).toList());
    }

    @Test
    @DisplayName("东城: 12.50 + 3 + 11 + 6.50 + 7 = 40.00, the symmetric −1 taken back by the award")
    void dongcheng() {
        criteria("dongcheng", "1", "12.50", "2", "3", "3", "11", "4", "6.50", "5", "7", "b1", "0");
        Breakdown b = BREAKDOWNS.get("dongcheng");
        assertDecimal("2.50", b.criterion("1").orElseThrow().rules().get(1).effect());
        assertDecimal("-1", b.criterion("b1").orElseThrow().rules().get(0).effect());
        assertDecimal("40.00", b.total());
    }

    @Test
    @DisplayName("西城: 8.37 (1.625 rounded HALF_UP) + 5 + 10 + 0 + 10 = 33.37, bonus 2.50, total 35.87")
    void xicheng() {
        criteria("xicheng", "1", "8.37", "2", "5", "3", "10", "4", "0", "5", "10", "b1", "2.50");
        Breakdown b = BREAKDOWNS.get("xicheng");
        assertDecimal("2", b.criterion("3").orElseThrow().parts().get(0).returned());
        assertDecimal("33.37", b.base());
        assertDecimal("2.50", b.bonus());
        assertDecimal("35.87", b.total());
    }

    @Test
    @DisplayName("南山: 14 (award capped at 4) + 0 (nothing earned) + 12 + 10 + 2 = 38.00; the bonus −2 did not count")
    void nanshan() {
        criteria("nanshan", "1", "14", "2", "0", "3", "12", "4", "10", "5", "2", "b1", "0");
        Breakdown b = BREAKDOWNS.get("nanshan");
        var adopted = b.criterion("b1").orElseThrow().rules().get(0);
        assertDecimal("0", adopted.effect());
        assertFalse(adopted.fired());
        assertDecimal("3", b.criterion("b1").orElseThrow().maximum(), "the bonus criterion's real maximum: 2 + 1");
        assertDecimal("38.00", b.total());
    }

    @Test
    @DisplayName("the period ranks them 东城 40, 南山 38, 西城 35.87 with the targets from the period")
    void ranking() {
        Map<String, Sheet> sheets = new HashMap<>();
        corpus.sheetsOf(period.id()).forEach((k, v) -> sheets.put(k, v.value()));
        Map<String, Station> stations = new HashMap<>();
        corpus.stations().value().stations().forEach(s -> stations.put(s.id(), s));
        Standings st = new PeriodScorer().score(period, rubric, sheets, stations);
        assertDecimal("40", st.of("dongcheng").orElseThrow().total());
        assertEquals(1, st.of("dongcheng").orElseThrow().place());
        assertEquals(2, st.of("nanshan").orElseThrow().place());
        assertDecimal("35.87", st.of("xicheng").orElseThrow().total());
        assertEquals(3, st.of("xicheng").orElseThrow().place());
    }

    @Test
    @DisplayName("a period target that names no per-station rule, or an unknown station, is reported")
    void badTargets() {
        Loaded<Period> lp = corpus.periods().get(0);
        Period p = lp.value();
        Period bad = new Period(p.id(), p.title(), p.type(), p.year(), p.quarter(), p.rubric(), p.previous(), p.assessed(),
                p.source(), p.assessment(), p.results(), p.findings(), p.publication(), p.reviews(), p.notes(),
                Map.of("1/shortfall", p.targets().get("1/shortfall"),
                        "2/articles", Map.of("dongcheng", new java.math.BigDecimal("1")),
                        "1/excess", Map.of("beicheng", new java.math.BigDecimal("1"))));
        Corpus broken = new Corpus(corpus.site(), corpus.stations(), corpus.rubrics(),
                List.of(new Loaded<>(bad, lp.source())), corpus.sheets(), corpus.selfAssessments());
        List<Diagnostic> all = new java.util.ArrayList<>();
        ContentConsistency.check(broken, all);
        List<String> found = all.stream().filter(Diagnostic::isError).map(Diagnostic::message).sorted().toList();
        assertEquals(List.of(
                // 1/excess now has no target for the three stations, so none of their sheets can be scored
                EXCESS_MISSING, EXCESS_MISSING, EXCESS_MISSING,
                "$.targets[\"1/excess\"].beicheng: no station \"beicheng\"",
                "$.targets[\"2/articles\"]: \"2/articles\" is not a rule of rubric rule-patterns-2026 whose target is set"
                        + " per station (\"criterion/rule\" with \"targetPerStation\": true)"), found);
    }
}
