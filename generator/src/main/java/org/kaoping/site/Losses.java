package org.kaoping.site;

import org.kaoping.model.SectionKind;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;

/** Points lost on one criterion of a scored sheet: what the report, the changes and the exports count. */
final class Losses {
    private Losses() {
    }

    /**
     * The points lost (≥ 0), or null when the criterion does not apply. A bonus not earned is no loss;
     * a penalty section's criterion loses what it deducts.
     */
    static BigDecimal of(SectionKind kind, Breakdown.CriterionScore cs) {
        if (cs == null || cs.status() == Breakdown.Status.NOT_APPLICABLE) {
            return null;
        }
        return switch (kind) {
            case SCORE -> cs.maximum().subtract(cs.score()).max(BigDecimal.ZERO);
            case PENALTY -> cs.score().negate().max(BigDecimal.ZERO);
            case BONUS -> BigDecimal.ZERO;
        };
    }

    /** 1 → 一, … 99 → 九十九: section headings in the reports' own numbering. */
    static String chineseNumber(int n) {
        String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return d[n];
        }
        return (n / 10 == 1 ? "" : d[n / 10]) + "十" + d[n % 10];
    }
}
