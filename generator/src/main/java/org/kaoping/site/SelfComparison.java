package org.kaoping.site;

import org.kaoping.load.Corpus;
import org.kaoping.model.Criterion;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A station's self-assessment (自评, its self-check export) beside the assessors' sheet for the
 * same period, criterion by criterion where both give one. What the self-check form is for: seeing
 * where the station judged itself differently from the assessors.
 */
public record SelfComparison(String anchor, String period, String periodHref, String selfTotal, String assessedTotal,
                             String totalDifference, List<Row> rows, int differing) {

    /** @param difference "自评高 0.5" / "自评低 1" / "一致" */
    public record Row(String number, String content, String self, String assessed, String difference, boolean differs) {
    }

    public boolean hasDiffering() {
        return differing > 0;
    }

    public List<Row> differingRows() {
        return rows.stream().filter(Row::differs).toList();
    }

    /** Newest period first; only periods with both an assessors' sheet and a self-assessment. */
    static List<SelfComparison> of(Station station, List<ScoredPeriod> periods, Corpus corpus) {
        List<SelfComparison> out = new ArrayList<>();
        for (int i = periods.size() - 1; i >= 0; i--) {
            ScoredPeriod sp = periods.get(i);
            var self = corpus.selfAssessmentsOf(sp.id()).get(station.id());
            Optional<Standing> standing = sp.standing(station.id());
            Sheet assessedSheet = sp.sheets().get(station.id());
            if (self == null || sp.rubric() == null || standing.isEmpty() || standing.get().breakdown() == null
                    || assessedSheet == null) {
                continue;
            }
            Breakdown assessed = standing.get().breakdown();
            Breakdown mine;
            try {
                mine = new SheetScorer().score(sp.rubric(), self.value().withAttributes(station.attributes()));
            } catch (ScoreException e) {
                throw new SiteException(self.source().file() + ": the self-assessment cannot be scored: " + e.getMessage());
            }
            List<Row> rows = new ArrayList<>();
            int differing = 0;
            for (Criterion c : sp.rubric().allCriteria()) {
                if (self.value().entry(c.id()).isEmpty() || assessedSheet.entry(c.id()).isEmpty()) {
                    continue;
                }
                Breakdown.CriterionScore a = assessed.criterion(c.id()).orElseThrow();
                Breakdown.CriterionScore s = mine.criterion(c.id()).orElseThrow();
                boolean na = a.status() == Breakdown.Status.NOT_APPLICABLE || s.status() == Breakdown.Status.NOT_APPLICABLE;
                String selfText = s.status() == Breakdown.Status.NOT_APPLICABLE ? "不适用" : Numbers.plain(s.score());
                String assessedText = a.status() == Breakdown.Status.NOT_APPLICABLE ? "不适用" : Numbers.plain(a.score());
                String diff = na ? (selfText.equals(assessedText) ? "一致" : "不同") : difference(s.score(), a.score());
                boolean differs = !diff.equals("一致");
                if (differs) {
                    differing++;
                }
                rows.add(new Row(c.number(), c.content(), selfText, assessedText, diff, differs));
            }
            if (rows.isEmpty()) {
                continue;
            }
            out.add(new SelfComparison("self-" + sp.id(), sp.period().title(), Slug.periodPage(sp.id()), Numbers.plain(mine.total()),
                    Numbers.plain(assessed.total()), difference(mine.total(), assessed.total()), rows, differing));
        }
        return out;
    }

    private static String difference(BigDecimal self, BigDecimal assessed) {
        int c = self.compareTo(assessed);
        if (c == 0) {
            return "一致";
        }
        return (c > 0 ? "自评高 " : "自评低 ") + Numbers.plain(self.subtract(assessed).abs());
    }
}
