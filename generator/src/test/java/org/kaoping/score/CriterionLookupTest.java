package org.kaoping.score;

import org.junit.jupiter.api.Test;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.Sheet;
import org.kaoping.score.Breakdown.CriterionScore;
import org.kaoping.score.Breakdown.SectionScore;
import org.kaoping.support.RandomRubrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lookups by id answer as a scan in section order would (Rubric.criterion, Breakdown.criterion and section),
 * across rubrics of many shapes scored in one process, so an index shared between breakdowns of one shape
 * never answers for another; equal scores are shared instances and breakdowns stay equal as values.
 */
class CriterionLookupTest {
    private static final long SEED = Long.getLong("kaoping.seed", 20261201L);
    private final SheetScorer scorer = new SheetScorer();

    private static Optional<Criterion> scan(Rubric r, String id) {
        return r.sections().stream().flatMap(s -> s.criteria().stream()).filter(c -> c.id().equals(id)).findFirst();
    }

    private static Optional<CriterionScore> scan(Breakdown b, String id) {
        return b.sections().stream().flatMap(s -> s.criteria().stream()).filter(c -> c.id().equals(id)).findFirst();
    }

    @Test
    void lookupsAnswerAsAScanInSectionOrder() {
        List<Breakdown> earlier = new ArrayList<>();
        List<Rubric> rubrics = new ArrayList<>();
        int scored = 0;
        for (int i = 0; i < 400; i++) {
            long seed = SEED + i;
            RandomRubrics random = new RandomRubrics(seed);
            Rubric rubric = random.rubric();
            Sheet sheet = random.sheet(rubric);
            try {
                List<String> ids = new ArrayList<>(List.of("absent", "", "1.1", "c1"));
                rubric.allCriteria().forEach(c -> ids.add(c.id()));
                for (String id : ids) {
                    assertEquals(scan(rubric, id), rubric.criterion(id), id);
                }
                Breakdown b;
                try {
                    b = scorer.score(rubric, sheet);
                } catch (ScoreException e) {
                    continue; // a sheet the rubric refuses has no breakdown to look into
                }
                scored++;
                earlier.add(b);
                rubrics.add(rubric);
                // Every breakdown so far, each with its own rubric's ids: shapes never answer for each other.
                for (int k = 0; k < earlier.size(); k++) {
                    Breakdown e = earlier.get(k);
                    for (String id : ids) {
                        assertEquals(scan(e, id), e.criterion(id), id);
                    }
                    for (Criterion c : rubrics.get(k).allCriteria()) {
                        assertEquals(scan(e, c.id()), e.criterion(c.id()), c.id());
                    }
                    for (Section s : rubrics.get(k).sections()) {
                        assertEquals(e.sections().stream().filter(x -> x.id().equals(s.id())).findFirst(),
                                e.section(s.id()));
                    }
                    assertTrue(e.section("absent").isEmpty());
                }
                // The same sheet scored again: an equal breakdown whose equal parts are the same instances.
                Breakdown again = scorer.score(rubric, sheet);
                assertEquals(b, again);
                assertEquals(b.hashCode(), again.hashCode());
                for (int s = 0; s < b.sections().size(); s++) {
                    SectionScore x = b.sections().get(s);
                    SectionScore y = again.sections().get(s);
                    for (int c = 0; c < x.criteria().size(); c++) {
                        CriterionScore cx = x.criteria().get(c);
                        if (cx.reason() == null || cx.reason().length() <= 200) {
                            assertSame(cx, y.criteria().get(c));
                        }
                    }
                    // A section of such small criteria is shared too (its criteria compared by identity).
                    if (x.criteria().size() <= 64 && x.criteria().stream().allMatch(CriterionLookupTest::small)) {
                        assertSame(x, y, x.id());
                    }
                }
                // A breakdown equals one built from plain lists, and a copy keeps the lookups.
                Breakdown copy = new Breakdown(b.rubric(), b.station(), new ArrayList<>(b.sections()), b.sheets(),
                        b.base(), b.bonus(), b.penalty(), b.total(), b.maximum(), b.vetoes());
                assertEquals(b, copy);
                assertEquals(new ArrayList<>(b.sections()), copy.sections());
                assertEquals(new ArrayList<>(b.sections()).hashCode(), copy.sections().hashCode());
                for (String id : ids) {
                    assertEquals(b.criterion(id), copy.criterion(id));
                }
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + " (replay with -Dkaoping.seed=" + seed + "): " + e, e);
            }
            if (earlier.size() > 40) {
                earlier.remove(0);
                rubrics.remove(0);
            }
        }
        assertTrue(scored > 200, "only " + scored + " of 400 random sheets scored");
    }

    @Test
    void duplicateIdsAnswerWithTheFirstInSectionOrder() {
        // Not a valid rubric (RubricConsistency refuses it), but a breakdown built by hand keeps the scan's answer.
        CriterionScore first = new CriterionScore("a", "1", Breakdown.Status.GIVEN, java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE, List.of(), List.of(), null);
        CriterionScore second = new CriterionScore("a", "2", Breakdown.Status.GIVEN, java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE, List.of(), List.of(), null);
        SectionScore s1 = new SectionScore("s1", org.kaoping.model.SectionKind.SCORE, java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE, List.of(first));
        SectionScore s2 = new SectionScore("s2", org.kaoping.model.SectionKind.SCORE, java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE, List.of(second));
        Breakdown b = new Breakdown("r", "st", List.of(s1, s2), List.of(), java.math.BigDecimal.ONE,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE,
                java.math.BigDecimal.TEN, List.of());
        assertSame(first, b.criterion("a").orElseThrow());
        Breakdown swapped = new Breakdown("r", "st", List.of(s2, s1), List.of(), java.math.BigDecimal.ONE,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE,
                java.math.BigDecimal.TEN, List.of());
        assertSame(second, swapped.criterion("a").orElseThrow());
    }

    /** What Breakdown shares: a short reason and detail, few rules and parts. */
    private static boolean small(CriterionScore c) {
        return (c.reason() == null || c.reason().length() <= 200) && c.rules().size() <= 16 && c.parts().size() <= 16
                && c.rules().stream().allMatch(o -> o.detail() == null || o.detail().length() <= 200);
    }
}
