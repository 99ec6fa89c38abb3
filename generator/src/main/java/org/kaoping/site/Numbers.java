package org.kaoping.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How numbers appear on pages: exact decimals with trailing zeros stripped (97.5, 91.75, 92). */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Figures already written, by value and scale (BigDecimal equality), for {@link #plain} and per declared scale
     * for {@link #fixed}: a province's pages write the same few hundred figures millions of times. Bounded, and a
     * memo of a pure function, so it never changes an answer.
     */
    private static final int REMEMBERED = 8192;
    private static final Map<BigDecimal, String> PLAIN = new ConcurrentHashMap<>();
    private static final List<Map<BigDecimal, String>> FIXED = java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> (Map<BigDecimal, String>) new ConcurrentHashMap<BigDecimal, String>()).toList();

    public static String plain(BigDecimal v) {
        if (v == null) {
            return "";
        }
        String known = PLAIN.get(v);
        if (known != null) {
            return known;
        }
        BigDecimal s = v.stripTrailingZeros();
        String text = s.signum() == 0 ? "0" : s.toPlainString();
        remember(PLAIN, v, text);
        return text;
    }

    private static void remember(Map<BigDecimal, String> memo, BigDecimal v, String text) {
        if (memo.size() < REMEMBERED) {
            memo.put(v, text);
        }
    }

    /**
     * A figure with exactly the decimals its period declares (92.00, 97.50, 91.75), so columns line
     * up; a value with more decimals than declared is shown as it is rather than rounded here.
     */
    public static String fixed(BigDecimal v, int scale) {
        if (v == null) {
            return "";
        }
        Map<BigDecimal, String> memo = scale >= 0 && scale < FIXED.size() ? FIXED.get(scale) : null;
        String known = memo == null ? null : memo.get(v);
        if (known != null) {
            return known;
        }
        String text;
        // Stripping zeros never raises the scale: a value within the declared decimals needs no strip to know it.
        if (v.scale() > scale && v.stripTrailingZeros().scale() > scale) {
            text = v.toPlainString();
        } else {
            BigDecimal s = v.setScale(scale, RoundingMode.UNNECESSARY);
            text = s.signum() == 0 ? BigDecimal.ZERO.setScale(scale).toPlainString() : s.toPlainString();
        }
        if (memo != null) {
            remember(memo, v, text);
        }
        return text;
    }

    /** A statistic (a double from Commons Math) shown to {@code places} decimals, half up, so columns line up. */
    public static String statistic(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        BigDecimal s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
        return (s.signum() == 0 ? BigDecimal.ZERO.setScale(places) : s).toPlainString();
    }

    /** A weight such as 0.6 as a percentage: 60%. */
    public static String percent(BigDecimal weight) {
        return plain(weight.movePointRight(2)) + "%";
    }

    /** A value meant for sorting (data-sort attributes): plain, never empty. */
    public static String sortKey(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
