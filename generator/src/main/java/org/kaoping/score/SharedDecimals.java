package org.kaoping.score;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct score value (value and scale, as {@link BigDecimal#equals} counts them), for
 * the breakdowns a build keeps: a province holds 80,000 breakdowns of 47 criteria, whose scores take a
 * few hundred distinct values. BigDecimal is immutable, so sharing changes nothing but memory.
 */
public final class SharedDecimals {
    /** Enough for every step of a 100-point scale at two decimals; beyond it values are kept as they come. */
    private static final int LIMIT = 20_000;
    private static final ConcurrentHashMap<BigDecimal, BigDecimal> SHARED = new ConcurrentHashMap<>();

    private SharedDecimals() {
    }

    public static BigDecimal of(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal known = SHARED.get(v);
        if (known != null) {
            return known;
        }
        if (SHARED.size() >= LIMIT) {
            return v;
        }
        BigDecimal previous = SHARED.putIfAbsent(v, v);
        return previous != null ? previous : v;
    }
}
