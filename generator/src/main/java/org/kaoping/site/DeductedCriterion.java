package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A criterion where stations lost points in a period: how many, and how much in all.
 *
 * @param href       the criterion on its rubric page, relative to the site root
 * @param stations   how many of the period's scored sheets lost points here
 * @param sheets     how many scored sheets the period has
 */
public record DeductedCriterion(String number, String content, String section, String points, int stations,
                                int sheets, String totalLost, String averageLost, String href) {

    /** The criteria with any loss, most frequent first, then the most points lost, then rubric order. */
    public static List<DeductedCriterion> of(Rubric rubric, List<Breakdown> breakdowns) {
        record Tally(int order, Section section, Criterion criterion, int count, BigDecimal lost) {
        }
        List<Tally> tallies = new ArrayList<>();
        int order = 0;
        for (Section s : rubric.sections()) {
            if (s.kind() == SectionKind.BONUS) {
                continue; // a bonus not earned is not a deduction
            }
            for (Criterion c : s.criteria()) {
                int count = 0;
                BigDecimal lost = BigDecimal.ZERO;
                for (Breakdown b : breakdowns) {
                    var cs = b.criterion(c.id()).orElse(null);
                    if (cs == null || cs.status() == Breakdown.Status.NOT_APPLICABLE) {
                        continue;
                    }
                    BigDecimal loss = s.kind() == SectionKind.PENALTY ? cs.score().negate() : cs.maximum().subtract(cs.score());
                    if (loss.signum() > 0) {
                        count++;
                        lost = lost.add(loss);
                    }
                }
                if (count > 0) {
                    tallies.add(new Tally(order, s, c, count, lost));
                }
                order++;
            }
        }
        tallies.sort(Comparator.comparingInt(Tally::count).reversed()
                .thenComparing(Tally::lost, Comparator.reverseOrder())
                .thenComparingInt(Tally::order));
        return tallies.stream().map(t -> new DeductedCriterion(t.criterion().number(), t.criterion().content(),
                RubricDiff.sectionLabel(t.section()),
                t.criterion().points() == null ? "" : Numbers.plain(t.criterion().points()),
                t.count(), breakdowns.size(), Numbers.plain(t.lost()),
                Numbers.plain(t.lost().divide(BigDecimal.valueOf(t.count()), 2, RoundingMode.HALF_UP)),
                Slug.rubricPage(rubric.id()) + "#" + Slug.criterionAnchor(t.criterion().id()))).toList();
    }
}
