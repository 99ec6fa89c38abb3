package org.kaoping.site;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers appear on pages: exact decimals with trailing zeros stripped (97.5, 91.75, 92). */
public final class Numbers {
    private Numbers() {
    }

    public static String plain(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /** A statistic (a double from Commons Math) shown to {@code places} decimals, half up, zeros stripped. */
    public static String statistic(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        return plain(BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP));
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
