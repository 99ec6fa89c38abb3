package org.kaoping.score;

import org.kaoping.model.Criterion;
import org.kaoping.model.HighestOnlyGroup;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.score.Breakdown.CriterionScore;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The most a criterion or section can score, as the breakdown shows it. For a bonus criterion that is
 * its points, else what its rules can award together, limited by the section's cap; null when nothing
 * limits it (考核加分不封顶).
 */
final class Maxima {
    private Maxima() {
    }

    static BigDecimal ofBonusCriterion(Section section, Criterion c) {
        BigDecimal m = c.points();
        if (m == null) {
            m = BigDecimal.ZERO;
            for (Rule r : c.rules()) {
                BigDecimal award = mostAwarded(r);
                if (award == null) {
                    m = null;
                    break;
                }
                m = m.add(award);
            }
        }
        if (section.cap() != null) {
            m = m == null ? section.cap() : m.min(section.cap());
        }
        return m;
    }

    /** The most one rule can add to a bonus criterion: 0 for deductions, null when unlimited. */
    private static BigDecimal mostAwarded(Rule r) {
        if (r instanceof Rule.AwardPerCount x) {
            return x.cap();
        } else if (r instanceof Rule.Symmetric x) {
            return x.cap();
        } else if (r instanceof Rule.ExcessRatio x) {
            return x.cap();
        } else if (r instanceof Rule.OverTarget x) {
            return x.bonusCap();
        } else if (r instanceof Rule.Levels x) {
            return x.levels().stream().map(Rule.Level::points).reduce(BigDecimal.ZERO, BigDecimal::max);
        }
        return BigDecimal.ZERO;
    }

    /** Σ of the criteria's maxima, a highest-only group counting its largest member once; null if any is unlimited. */
    static BigDecimal ofSection(Section section, List<CriterionScore> scored) {
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> grouped = new HashSet<>();
        for (HighestOnlyGroup g : section.groups()) {
            BigDecimal best = BigDecimal.ZERO;
            for (CriterionScore c : scored) {
                if (g.criteria().contains(c.id()) && grouped.add(c.id())) {
                    if (c.maximum() == null) {
                        return null;
                    }
                    best = best.max(c.maximum());
                }
            }
            sum = sum.add(best);
        }
        for (CriterionScore c : scored) {
            if (!grouped.contains(c.id())) {
                if (c.maximum() == null) {
                    return null;
                }
                sum = sum.add(c.maximum());
            }
        }
        return sum;
    }
}
