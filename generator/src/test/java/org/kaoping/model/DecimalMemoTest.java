package org.kaoping.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Remembered answers are the function's own, scale included, before and after the memo is full. */
class DecimalMemoTest {
    @Test
    void answersAreTheFunctions() {
        Random random = new Random(11L);
        DecimalMemo<BigDecimal> atTwo = new DecimalMemo<>(50, v -> v.setScale(2, RoundingMode.HALF_UP));
        for (int n = 0; n < 20_000; n++) {
            BigDecimal v = BigDecimal.valueOf(random.nextInt(20_001) - 10_000, random.nextInt(5));
            BigDecimal got = atTwo.apply(v);
            BigDecimal expected = v.setScale(2, RoundingMode.HALF_UP);
            assertEquals(expected, got, v.toPlainString()); // equals: value and scale
        }
    }

    /** The rubric's step check, remembered, against the remainder it stands for. */
    @Test
    void multiplesOfAStepAgreeWithTheRemainder() {
        Random random = new Random(12L);
        for (BigDecimal step : List.of(new BigDecimal("0.05"), new BigDecimal("0.5"), new BigDecimal("0.25"),
                new BigDecimal("1"), new BigDecimal("0.1"))) {
            Rubric rubric = new Rubric("r", "R", null, null, 2022, new BigDecimal("100"), 2, RoundingMode.HALF_UP,
                    step, null, null, null, null, List.of(), null, null, null, null);
            for (int n = 0; n < 20_000; n++) {
                BigDecimal v = BigDecimal.valueOf(random.nextInt(2_001), random.nextInt(4));
                assertEquals(v.remainder(step).signum() == 0, rubric.isMultipleOfStep(v), v + " of " + step);
            }
        }
    }
}
