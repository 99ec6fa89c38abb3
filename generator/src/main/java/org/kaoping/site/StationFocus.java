package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a station page leads with: the items of its latest sheet that lost points, most points first,
 * each linked to its rule, and which of them alone would close the gap to the place above. The gap
 * counts only where a sheet point is a total point (one unweighted sheet component); otherwise the
 * items are listed without that claim.
 *
 * @param period the sheet's period
 * @param gap    "距第 2 名差 0.5 分", or "" when the sheet's points do not map onto the total
 * @param items  lost items, most points first
 */
public record StationFocus(String period, String gap, List<Item> items) {

    /** @param closesGap recovering this item alone would reach the place above */
    public record Item(String number, String content, String lost, String href, boolean closesGap) {
    }

    public boolean hasGap() {
        return !gap.isEmpty();
    }

    public boolean anyClosesGap() {
        return items.stream().anyMatch(Item::closesGap);
    }

    static StationFocus of(ScoredPeriod sp, Standing s, Breakdown b) {
        Rubric rubric = sp.rubric();
        Assessment a = sp.assessment();
        boolean onePoint = a.components().size() == 1 && a.components().get(0).weight() == null
                && a.components().get(0).source().equals("sheet") && a.rankBonuses().isEmpty();
        Optional<Standing> above = sp.above(s);
        BigDecimal gap = onePoint && above.isPresent() && !s.voided()
                ? above.get().total().subtract(s.total()) : null;
        record Lost(Criterion c, BigDecimal points) {
        }
        List<Lost> lost = new ArrayList<>();
        for (Section sec : rubric.sections()) {
            if (sec.kind() != SectionKind.SCORE) {
                continue;
            }
            for (Criterion c : sec.criteria()) {
                b.criterion(c.id()).filter(cs -> cs.status() != Breakdown.Status.NOT_APPLICABLE)
                        .map(cs -> cs.maximum().subtract(cs.score())).filter(d -> d.signum() > 0)
                        .ifPresent(d -> lost.add(new Lost(c, d)));
            }
        }
        lost.sort(Comparator.comparing(Lost::points).reversed());
        List<Item> items = lost.stream().map(l -> new Item(l.c().number(), l.c().content(),
                Numbers.fixed(l.points(), rubric.scale()),
                Slug.rubricPage(rubric.id()) + "#" + Slug.criterionAnchor(l.c().id()),
                gap != null && gap.signum() > 0 && l.points().compareTo(gap) > 0)).toList();
        String gapWords = gap == null || gap.signum() <= 0 ? ""
                : "距第 " + above.get().place() + " 名差 " + Numbers.plain(gap) + " 分";
        return new StationFocus(sp.period().title(), gapWords, items);
    }
}
