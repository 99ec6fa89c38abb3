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
        return of(RubricLayout.of(rubric), breakdowns);
    }

    /** As {@link #of(Rubric, List)}: each breakdown read once, in the layout's order, not looked up per criterion. */
    static List<DeductedCriterion> of(RubricLayout layout, List<Breakdown> breakdowns) {
        record Tally(int order, Section section, Criterion criterion, int count, BigDecimal lost) {
        }
        int n = layout.size();
        int[] counts = new int[n];
        BigDecimal[] lost = new BigDecimal[n];
        java.util.Arrays.fill(lost, BigDecimal.ZERO);
        for (Breakdown b : breakdowns) {
            Breakdown.CriterionScore[] scores = layout.scores(b);
            for (int i = 0; i < n; i++) {
                SectionKind kind = layout.kind(i);
                if (kind == SectionKind.BONUS) {
                    continue; // a bonus not earned is not a deduction
                }
                var cs = scores[i];
                if (cs == null || cs.status() == Breakdown.Status.NOT_APPLICABLE) {
                    continue;
                }
                BigDecimal loss = kind == SectionKind.PENALTY ? cs.score().negate() : cs.maximum().subtract(cs.score());
                if (loss.signum() > 0) {
                    counts[i]++;
                    lost[i] = lost[i].add(loss);
                }
            }
        }
        List<Tally> tallies = new ArrayList<>();
        int order = 0;
        for (int i = 0; i < n; i++) {
            if (layout.kind(i) == SectionKind.BONUS) {
                continue;
            }
            if (counts[i] > 0) {
                tallies.add(new Tally(order, layout.section(i), layout.criterion(i), counts[i], lost[i]));
            }
            order++;
        }
        tallies.sort(Comparator.comparingInt(Tally::count).reversed()
                .thenComparing(Tally::lost, Comparator.reverseOrder())
                .thenComparingInt(Tally::order));
        Rubric rubric = layout.rubric();
        return tallies.stream().map(t -> new DeductedCriterion(t.criterion().number(), t.criterion().content(),
                RubricDiff.sectionLabel(t.section()),
                t.criterion().points() == null ? "" : Numbers.plain(t.criterion().points()),
                t.count(), breakdowns.size(), Numbers.plain(t.lost()),
                Numbers.plain(t.lost().divide(BigDecimal.valueOf(t.count()), 2, RoundingMode.HALF_UP)),
                Slug.rubricPage(rubric.id()) + "#" + Slug.criterionAnchor(t.criterion().id()))).toList();
    }
}
