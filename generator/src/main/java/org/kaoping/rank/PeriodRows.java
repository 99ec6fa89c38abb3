package org.kaoping.rank;

import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A period's scoring by {@link PeriodScorer}, its standings with what each result's line was made from (in the
 * period file's order), so that `serve` can score the period again after one sheet changed without making the
 * other 9,999 lines again.
 *
 * @param breakdowns    each result's scored sheet (null without one), the very objects the lines were made from
 * @param raterAverages each result's rater average, or null
 * @param rows          each result's standing, in the period file's order
 */
public record PeriodRows(Period period, Rubric rubric, Assessment assessment, List<Breakdown> breakdowns,
                         List<Map<String, BigDecimal>> components, List<BigDecimal> raterAverages,
                         List<List<Standing.VetoApplied>> vetoes, List<Standing> rows, Standings standings) {
    public PeriodRows {
        // Lists that may hold nulls (no sheet, no raters): unmodifiable views, not List.copyOf.
        breakdowns = java.util.Collections.unmodifiableList(breakdowns);
        components = java.util.Collections.unmodifiableList(components);
        raterAverages = java.util.Collections.unmodifiableList(raterAverages);
        vetoes = java.util.Collections.unmodifiableList(vetoes);
        rows = java.util.Collections.unmodifiableList(rows);
    }
}
