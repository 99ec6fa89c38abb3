package org.kaoping.score;

import org.kaoping.model.Interner;

import java.math.BigDecimal;

/**
 * One instance per distinct score value (value and scale, as {@link BigDecimal#equals} counts them), for
 * the breakdowns a build keeps: a province holds 80,000 breakdowns of 47 criteria, whose scores take a
 * few hundred distinct values. BigDecimal is immutable, so sharing changes nothing but memory.
 */
public final class SharedDecimals {
    /** Enough for every step of a 100-point scale at two decimals (the table starts again beyond it). */
    private static final Interner<BigDecimal> SHARED = new Interner<>(20_000);

    private SharedDecimals() {
    }

    public static BigDecimal of(BigDecimal v) {
        return SHARED.intern(v);
    }
}
