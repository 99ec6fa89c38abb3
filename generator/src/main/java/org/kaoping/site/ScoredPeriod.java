package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.rank.Standing;
import org.kaoping.rank.Standings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A period with its ranking as the engine computes it.
 *
 * @param rubric   the period's rubric, or null (2021 has none)
 * @param sheets   station id → scored sheet, sorted by station id
 * @param previous the period named by "previous", or null
 * @param layout   the rubric's criteria as pages lay them out, made once for the period and shared by its pages
 *                 (null without a rubric)
 */
public record ScoredPeriod(Period period, Rubric rubric, Standings standings, Map<String, Sheet> sheets,
                           ScoredPeriod previous, RubricLayout layout) {

    public ScoredPeriod(Period period, Rubric rubric, Standings standings, Map<String, Sheet> sheets,
                        ScoredPeriod previous) {
        this(period, rubric, standings, sheets, previous, RubricLayout.of(rubric));
    }

    public String id() {
        return period.id();
    }

    public Assessment assessment() {
        return standings.assessment();
    }

    public Optional<Standing> standing(String stationId) {
        return standings.of(stationId);
    }

    /** The rubric differs from the previous period's: a movement in place compares unlike scales. */
    public boolean rubricChanged() {
        return previous != null && !java.util.Objects.equals(previous.period.rubric(), period.rubric());
    }

    public Optional<Period.Result> result(String stationId) {
        return org.kaoping.model.KeyedList.find(period.results(), stationId, Period.Result::station);
    }

    /**
     * The standing directly above this one in place order, or empty for the first place.
     * Under shared places that is the nearest strictly better place.
     */
    public Optional<Standing> above(Standing s) {
        return standings.above(s);
    }

    public List<BigDecimal> totals() {
        return standings.lines().stream().map(Standing::total).toList();
    }
}
