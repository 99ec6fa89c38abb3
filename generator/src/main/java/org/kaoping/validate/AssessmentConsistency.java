package org.kaoping.validate;

import org.kaoping.load.Diagnostic;
import org.kaoping.load.JsonSource;
import org.kaoping.model.Assessment;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an assessment block, in a rubric or a period: weights add up to 1, references resolve. */
final class AssessmentConsistency {
    private AssessmentConsistency() {
    }

    static void check(Assessment a, String ap, List<String> sheetIds, JsonSource source, List<Diagnostic> out) {
        Set<String> ids = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        boolean weighted = a.weighted();
        for (int i = 0; i < a.components().size(); i++) {
            var c = a.components().get(i);
            String cp = ap + ".components[" + i + "]";
            if (!ids.add(c.id())) {
                out.add(source.error(cp + ".id", "duplicate component id \"" + c.id() + "\""));
            }
            if (weighted && c.weight() == null) {
                out.add(source.error(cp, "component \"" + c.id() + "\" needs a weight: the others are weighted"));
            }
            if (c.weight() != null) {
                weights = weights.add(c.weight());
            }
            if (c.categorySheet() != null && !sheetIds.contains(c.categorySheet())) {
                out.add(source.error(cp + ".source", "unknown sheet \"" + c.categorySheet() + "\""));
            }
            if (c.source().equals("raters") && a.raters() == null) {
                out.add(source.error(cp + ".source", "source \"raters\" needs a \"raters\" block"));
            }
        }
        if (weighted && weights.compareTo(BigDecimal.ONE) != 0) {
            out.add(source.error(ap + ".components", "component weights add up to "
                    + RubricConsistency.plain(weights) + ", not 1"));
        }
        if (a.raters() != null) {
            BigDecimal rw = a.raters().groups().stream().map(g -> g.weight()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (rw.compareTo(BigDecimal.ONE) != 0) {
                out.add(source.error(ap + ".raters.groups", "rater group weights add up to "
                        + RubricConsistency.plain(rw) + ", not 1"));
            }
        }
        for (int i = 0; i < a.rankBonuses().size(); i++) {
            var b = a.rankBonuses().get(i);
            if (b.basis().equals("raters") && a.raters() == null) {
                out.add(source.error(ap + ".rankBonuses[" + i + "].basis", "basis \"raters\" needs a \"raters\" block"));
            }
        }
        String tb = a.ranking().tieBreak();
        if (tb != null && tb.startsWith("component:") && !ids.contains(tb.substring("component:".length()))) {
            out.add(source.error(ap + ".ranking.tieBreak", "unknown component in tie-break \"" + tb + "\""));
        }
        if (a.tiers() != null) {
            Set<String> levelIds = new HashSet<>();
            int rest = 0;
            for (var l : a.tiers().levels()) {
                levelIds.add(l.id());
                if (l.top() == null && l.bottom() == null) {
                    rest++;
                }
                if (l.top() != null && l.bottom() != null) {
                    out.add(source.error(ap + ".tiers", "tier \"" + l.id() + "\" gives both top and bottom"));
                }
            }
            if (rest != 1) {
                out.add(source.error(ap + ".tiers.levels", "exactly one tier must take the rest (no top/bottom); found " + rest));
            }
            for (int i = 0; i < a.tiers().disqualifiers().size(); i++) {
                for (String barred : a.tiers().disqualifiers().get(i).barredFrom()) {
                    if (!levelIds.contains(barred)) {
                        out.add(source.error(ap + ".tiers.disqualifiers[" + i + "].barredFrom",
                                "unknown tier \"" + barred + "\""));
                    }
                }
            }
        }
    }
}
