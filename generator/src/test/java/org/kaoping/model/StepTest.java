package org.kaoping.model;

import org.junit.jupiter.api.Test;
import org.kaoping.support.RandomRubrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rubric.isMultipleOfStep's quick path answers as the division it skips, with and without a declared step. */
class StepTest {
    private static final long SEED = Long.getLong("kaoping.seed", 20261201L);

    @Test
    void answersAsTheRemainder() {
        Rubric base = new RandomRubrics(SEED).rubric();
        Random r = new Random(SEED);
        BigDecimal[] steps = {null, new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("2"), new BigDecimal("0.10")};
        for (int i = 0; i < 20_000; i++) {
            int scale = r.nextInt(4);
            BigDecimal step = steps[r.nextInt(steps.length)];
            Rubric rubric = new Rubric(base.id(), base.title(), base.issuer(), base.periodType(), base.year(), base.total(),
                    scale, RoundingMode.HALF_UP, step, base.partial(), base.source(), base.attributes(), base.sheets(),
                    base.sections(), base.vetoes(), base.assessment(), base.notes(), base.predecessor());
            // Values of any scale, negative ones and scales below zero (1E+1) included.
            BigDecimal v = BigDecimal.valueOf(r.nextInt(4001) - 2000, r.nextInt(7) - 1);
            boolean expected = v.remainder(rubric.effectiveStep()).signum() == 0;
            assertEquals(expected, rubric.isMultipleOfStep(v), v + " with scale " + scale + ", step " + step);
        }
    }
}
