package org.kaoping.score;

import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.support.RandomRubrics;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the Java engine scores: the ten 2022 sheets, and random sheets on random rubrics.
 * <p>A benchmark, not a test: its name keeps it out of the default run. Run it with
 * {@code mvn -q -B test -Dtest=SheetScorerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SheetScorerBenchmark {
    private final SheetScorer scorer = new SheetScorer();

    @Test
    void measure() {
        Rubric rubric = Shipped.rubric("lushan-2022");
        List<Sheet> real = Shipped.corpus().sheetsOf("2022-annual").values().stream().map(l -> l.value()).toList();
        report("2022 sheets (47 criteria, given scores)", () -> real.forEach(s -> scorer.score(rubric, s)), real.size());

        RandomRubrics random = new RandomRubrics(7);
        List<Rubric> rubrics = new ArrayList<>();
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Rubric r = random.rubric();
            rubrics.add(r);
            sheets.add(random.sheet(r));
        }
        report("random rubrics and sheets (rule inputs)", () -> {
            for (int i = 0; i < rubrics.size(); i++) {
                scorer.score(rubrics.get(i), sheets.get(i));
            }
        }, rubrics.size());
    }

    private static void report(String what, Runnable batch, int perBatch) {
        for (int i = 0; i < 200; i++) {
            batch.run(); // warm-up
        }
        double[] micros = new double[30];
        for (int r = 0; r < micros.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                batch.run();
            }
            micros[r] = (System.nanoTime() - t0) / 1000.0 / (20.0 * perBatch);
        }
        Arrays.sort(micros);
        System.out.printf("SheetScorer, %s: median %.1f µs per sheet (min %.1f, max %.1f over %d runs)%n",
                what, micros[micros.length / 2], micros[0], micros[micros.length - 1], micros.length);
    }
}
