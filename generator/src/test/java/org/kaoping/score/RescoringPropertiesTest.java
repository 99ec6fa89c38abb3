package org.kaoping.score;

import org.kaoping.load.StrictJson;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.support.RandomRubrics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link Rescoring} gives exactly what a full {@link SheetScorer#score} of the changed sheet gives: the whole
 * breakdown equal (every decimal with its scale, every rule outcome, the vetoes in their order), or the same
 * refusal. Seeded loops over random rubrics and sheets (RandomRubrics, with and without category sheets), each
 * sheet changed several ways: items restored as a station page restores them, entries from another random
 * sheet (inputs that fire vetoes or stop firing them, not applicable, nothing), and out-of-range scores.
 * {@code -Dkaoping.seed=N} replays from a printed seed.
 */
class RescoringPropertiesTest {
    private static final long BASE_SEED = Long.getLong("kaoping.seed", 20261201L);
    private static final int CASES = 3_000;
    private static final int CHANGES_PER_SHEET = 6;
    private final SheetScorer scorer = new SheetScorer();

    @Test
    void rescoringEqualsAFullScoreOfTheChangedSheet() {
        int compared = 0;
        int refused = 0;
        int vetoesChanged = 0;
        int vetoesReplayed = 0;
        int subtotalsChanged = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            RandomRubrics random = new RandomRubrics(seed);
            Rubric rubric = random.rubric();
            Sheet sheet = random.sheet(rubric);
            if (i % 2 == 1) {
                rubric = random.withCategorySheets(rubric);
            }
            SplittableRandom pick = new SplittableRandom(seed);
            Breakdown scored = scorer.score(rubric, sheet);
            Rescoring rescoring = new Rescoring(rubric, sheet, scored);
            for (int k = 0; k < CHANGES_PER_SHEET; k++) {
                Map<String, Sheet.Entry> replaced = changes(rubric, random, pick);
                try {
                    Breakdown full;
                    try {
                        full = scorer.score(rubric, sheet.withEntries(replaced));
                    } catch (ScoreException e) {
                        ScoreException fast = assertThrows(ScoreException.class, () -> rescoring.with(replaced));
                        assertEquals(e.path(), fast.path());
                        assertEquals(e.code(), fast.code());
                        assertEquals(e.getMessage(), fast.getMessage());
                        refused++;
                        continue;
                    }
                    Breakdown fast = rescoring.with(replaced);
                    assertEquals(full.total(), fast.total(), "total, scale included");
                    assertEquals(full.sheets(), fast.sheets(), "category-sheet subtotals");
                    assertEquals(full.vetoes(), fast.vetoes(), "vetoes and their order");
                    assertEquals(full, fast, "the whole breakdown");
                    for (Section s : rubric.sections()) {
                        for (Criterion c : s.criteria()) {
                            assertEquals(full.criterion(c.id()), fast.criterion(c.id()), "looked up by id: " + c.id());
                        }
                    }
                    compared++;
                    for (int s = 0; s < rubric.sections().size(); s++) {
                        if (!touched(rubric.sections().get(s), replaced)) {
                            assertSame(scored.sections().get(s), fast.sections().get(s),
                                    "an untouched section is the sheet's own, not scored again");
                        }
                    }
                    vetoesChanged += full.vetoes().equals(scored.vetoes()) ? 0 : 1;
                    vetoesReplayed += full.vetoes().stream().anyMatch(v -> !v.source().equals("sheet")
                            && !replaced.containsKey(v.source().substring(0, v.source().indexOf('/')))) ? 1 : 0;
                    subtotalsChanged += full.sheets().equals(scored.sheets()) ? 0 : 1;
                } catch (AssertionError | RuntimeException e) {
                    fail("seed " + seed + " (replay with -Dkaoping.seed=" + seed + "), change " + k + ": " + replaced.keySet()
                            + "\nsheet: " + StrictJson.mapper().valueToTree(sheet) + "\n" + e, e);
                }
            }
        }
        // the loops reach what could go wrong: refusals, vetoes fired and no longer fired, vetoes from untouched
        // sections replayed, subtotals of category sheets moved
        assertTrue(compared > CASES * CHANGES_PER_SHEET / 2, "compared " + compared);
        assertTrue(refused > 100, "refused " + refused);
        assertTrue(vetoesChanged > 100, "vetoes changed " + vetoesChanged);
        assertTrue(vetoesReplayed > 100, "vetoes replayed " + vetoesReplayed);
        assertTrue(subtotalsChanged > 100, "subtotals changed " + subtotalsChanged);
    }

    /** One to three criteria (sometimes all) with new entries, or one criterion the rubric does not have. */
    private static Map<String, Sheet.Entry> changes(Rubric rubric, RandomRubrics random, SplittableRandom pick) {
        List<Criterion> all = new ArrayList<>();
        Map<String, SectionKind> kinds = new HashMap<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                all.add(c);
                kinds.put(c.id(), s.kind());
            }
        }
        Map<String, Sheet.Entry> replaced = new LinkedHashMap<>();
        if (pick.nextInt(50) == 0) {
            replaced.put("no-such-criterion", Sheet.Entry.ofScore(BigDecimal.ONE));
            return replaced;
        }
        Sheet other = random.sheet(rubric);
        int n = pick.nextInt(8) == 0 ? all.size() : 1 + pick.nextInt(3);
        for (int i = 0; i < n; i++) {
            Criterion c = all.get(pick.nextInt(all.size()));
            SectionKind kind = kinds.get(c.id());
            Sheet.Entry e = switch (pick.nextInt(4)) {
                case 0, 1 -> restored(c, kind); // as a station page restores a lost item
                case 2 -> other.entry(c.id()).orElse(Sheet.Entry.ofInputs(Map.of()));
                default -> pick.nextInt(6) == 0 && c.points() != null
                        ? Sheet.Entry.ofScore(c.points().add(BigDecimal.TEN)) // out of range: refused
                        : other.entry(c.id()).orElse(new Sheet.Entry(null, null, true, null));
            };
            replaced.put(c.id(), e);
        }
        return replaced;
    }

    private static Sheet.Entry restored(Criterion c, SectionKind kind) {
        return Sheet.Entry.ofScore(kind == SectionKind.PENALTY || c.points() == null ? BigDecimal.ZERO : c.points());
    }

    private static boolean touched(Section s, Map<String, Sheet.Entry> replaced) {
        return s.criteria().stream().anyMatch(c -> replaced.containsKey(c.id()));
    }

    @Test
    void aBreakdownOfAnotherRubricIsRefused() {
        RandomRubrics random = new RandomRubrics(BASE_SEED);
        Rubric rubric = random.rubric();
        Sheet sheet = random.sheet(rubric);
        Breakdown scored = scorer.score(rubric, sheet);
        Rubric fewer = new Rubric(rubric.id(), rubric.title(), rubric.issuer(), rubric.periodType(), rubric.year(),
                rubric.total(), rubric.scale(), rubric.rounding(), rubric.step(), rubric.partial(), rubric.source(),
                rubric.attributes(), rubric.sheets(), List.of(), rubric.vetoes(), rubric.assessment(), rubric.notes(),
                rubric.predecessor());
        assertNotEquals(0, rubric.sections().size());
        assertThrows(IllegalArgumentException.class, () -> new Rescoring(fewer, sheet, scored));
    }
}
