package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Criterion;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.rank.PeriodScorer;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;
import org.kaoping.score.ScoreException;
import org.kaoping.score.Rescoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What restoring lost items of a station's sheet would do to its period total, found by scoring the
 * sheet again with the items restored (full points, or no deduction) through the one scoring model and
 * totalling it as the period does ({@link PeriodScorer#totalWith}). Nothing is added by hand, so caps,
 * weights and rounding count exactly as they would. The scoring again is {@link Rescoring}'s: the sheet's
 * breakdown with only the sections of the restored items scored anew, the same breakdown a full score gives
 * (RescoringPropertiesTest holds the two equal), at a fraction of the cost; each set of items is scored once.
 */
final class Recovery {
    /** A lost item: its points lost on the sheet and what restoring it alone adds to the total (null: cannot tell). */
    record Lost(Criterion criterion, SectionKind kind, BigDecimal lost, BigDecimal gain) {
    }

    /**
     * The fewest items, largest gain first (ties in rubric order), whose restoring together lifts the
     * total above {@code target}; or, when even all lost items together do not, all of them.
     *
     * @param items   the chosen items, in the order taken
     * @param total   the total with them restored, re-scored
     * @param reaches the total then passes the target
     */
    record Combination(List<Lost> items, BigDecimal total, boolean reaches) {
    }

    private final RubricLayout layout;
    private final Assessment assessment;
    private final Period.Result result;
    private final Standing standing;
    private final Sheet sheet;
    private Rescoring rescoring;
    /** Totals already found, by the restored items' criterion ids (toPass asks again for sets withGains scored). */
    private final Map<Set<String>, Optional<BigDecimal>> totals = new HashMap<>();

    /** @param sheet the sheet as the period scored it (registry attributes and per-station targets applied) */
    private Recovery(ScoredPeriod sp, Period.Result result, Standing standing, Sheet sheet) {
        this.layout = sp.layout();
        this.assessment = sp.assessment();
        this.result = result;
        this.standing = standing;
        this.sheet = sheet;
    }

    /**
     * Empty when the total is not the station's own sheet's doing: no sheet breakdown, a rank bonus that
     * depends on others, or a total the sheet's breakdown does not reproduce.
     */
    static Optional<Recovery> of(ScoredPeriod sp, Standing s, Sheet scoredSheet) {
        Optional<Period.Result> r = sp.result(s.station());
        if (r.isEmpty() || s.breakdown() == null || sp.rubric() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> same = PeriodScorer.totalWith(sp.assessment(), r.get(), s, s.breakdown());
        if (same.isEmpty() || same.get().compareTo(s.total()) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Recovery(sp, r.get(), s, scoredSheet));
    }

    /** The sheet's lost items in rubric order: score items below full points, penalty items that deducted. */
    static List<Lost> lostItems(Rubric rubric, Breakdown b) {
        return lostItems(RubricLayout.of(rubric), b);
    }

    /** As {@link #lostItems(Rubric, Breakdown)}, with the period's layout (the breakdown read once, in order). */
    static List<Lost> lostItems(RubricLayout layout, Breakdown b) {
        List<Lost> out = new ArrayList<>();
        Breakdown.CriterionScore[] scores = layout.scores(b);
        for (int i = 0; i < scores.length; i++) {
            SectionKind kind = layout.kind(i);
            if (kind == SectionKind.BONUS) {
                continue; // a bonus not earned is no loss
            }
            BigDecimal lost = Losses.of(kind, scores[i]);
            if (lost != null && lost.signum() > 0) {
                out.add(new Lost(layout.criterion(i), kind, lost, null));
            }
        }
        return out;
    }

    /** The items with their gain on the total when each alone is restored. */
    List<Lost> withGains(List<Lost> items) {
        return items.stream().map(l -> new Lost(l.criterion(), l.kind(), l.lost(),
                totalRestoring(List.of(l)).map(t -> t.subtract(standing.total())).orElse(null))).toList();
    }

    /**
     * Restores items one by one, largest gain first (ties in rubric order: the list's order), re-scoring
     * the whole sheet each time, until the total is above {@code target}. Items whose gain is unknown or
     * nothing are not taken; if the target stays out of reach, the result restores every lost item.
     */
    Combination toPass(List<Lost> withGains, BigDecimal target) {
        List<Lost> ranked = withGains.stream().filter(l -> l.gain() != null && l.gain().signum() > 0)
                .sorted(Comparator.comparing(Lost::gain).reversed()).toList();
        List<Lost> taken = new ArrayList<>();
        for (Lost l : ranked) {
            taken.add(l);
            // one item restored is what its gain was found by: no need to score it again
            Optional<BigDecimal> t = taken.size() == 1 ? Optional.of(standing.total().add(l.gain())) : totalRestoring(taken);
            if (t.isEmpty()) {
                break;
            }
            if (t.get().compareTo(target) > 0) {
                return new Combination(List.copyOf(taken), t.get(), true);
            }
        }
        return totalRestoring(withGains).map(t -> new Combination(withGains, t, false))
                .orElse(new Combination(withGains, standing.total(), false));
    }

    /** The period total with these items restored, or empty when the sheet so changed cannot be scored. */
    Optional<BigDecimal> totalRestoring(List<Lost> items) {
        Set<String> ids = new HashSet<>();
        for (Lost l : items) {
            ids.add(l.criterion().id());
        }
        Optional<BigDecimal> known = totals.get(ids);
        if (known == null) {
            known = rescore(items);
            totals.put(ids, known);
        }
        return known;
    }

    private Optional<BigDecimal> rescore(List<Lost> items) {
        Map<String, Sheet.Entry> restored = new LinkedHashMap<>();
        for (Lost l : items) {
            BigDecimal full = l.kind() == SectionKind.SCORE ? l.criterion().points() : BigDecimal.ZERO;
            if (full == null) {
                return Optional.empty();
            }
            restored.put(l.criterion().id(), Sheet.Entry.ofScore(full));
        }
        try {
            if (rescoring == null) {
                rescoring = new Rescoring(layout.rescoring(), sheet, standing.breakdown()); // this very sheet's breakdown
            }
            Breakdown b = rescoring.with(restored);
            return PeriodScorer.totalWith(assessment, result, standing, b);
        } catch (ScoreException e) {
            return Optional.empty(); // a full score the rubric refuses (off its step): no claim about this item
        }
    }
}
