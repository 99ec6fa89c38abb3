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

    /**
     * A figure with exactly the decimals its period declares (92.00, 97.50, 91.75), so columns line
     * up; a value with more decimals than declared is shown as it is rather than rounded here.
     */
    public static String fixed(BigDecimal v, int scale) {
        if (v == null) {
            return "";
        }
        // Stripping zeros never raises the scale: a value within the declared decimals needs no strip to know it.
        if (v.scale() > scale && v.stripTrailingZeros().scale() > scale) {
            return v.toPlainString();
        }
        BigDecimal s = v.setScale(scale, RoundingMode.UNNECESSARY);
        return s.signum() == 0 ? BigDecimal.ZERO.setScale(scale).toPlainString() : s.toPlainString();
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
