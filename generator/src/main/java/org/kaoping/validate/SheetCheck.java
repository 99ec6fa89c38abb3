package org.kaoping.validate;

import org.kaoping.load.Diagnostic;
import org.kaoping.load.JsonPath;
import org.kaoping.load.JsonSource;
import org.kaoping.load.Loaded;
import org.kaoping.load.StationNames;
import org.kaoping.model.Criterion;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.score.Breakdown;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checks one scored sheet in content/: every finding at once (a criterion over its maximum and
 * the sum that then disagrees are both reported), before the engine scores it.
 */
public final class SheetCheck {
    private SheetCheck() {
    }

    /** @return true when the sheet can be scored */
    public static boolean check(Loaded<Sheet> ls, String fileStation, Period period, Rubric rubric, StationNames names,
                                Map<String, Station> byId, List<Diagnostic> out) {
        return scored(ls, fileStation, period, rubric, names, byId, out) != null;
    }

    /**
     * As {@link #check}, returning the sheet's breakdown (null when it cannot be scored), so that the period
     * reuses it: the check has to score the sheet anyway, and a province has 80,000 of them.
     */
    public static Breakdown scored(Loaded<Sheet> ls, String fileStation, Period period, Rubric rubric,
                                   StationNames names, Map<String, Station> byId, List<Diagnostic> out) {
        Sheet sheet = ls.value();
        JsonSource src = ls.source();
        int before = errors(out);
        if (!byId.containsKey(fileStation)) {
            out.add(src.error("$", "file name \"" + fileStation + "\" is not a station id"));
        }
        if (sheet.station() != null) {
            var s = names.resolve(sheet.station());
            if (s.isEmpty()) {
                try {
                    names.require(sheet.station());
                } catch (StationNames.UnknownStationException e) {
                    out.add(src.error("$.station", e.getMessage()));
                }
            } else if (!s.get().id().equals(fileStation)) {
                out.add(src.error("$.station", "sheet is for " + s.get().id() + " but filed as " + fileStation));
            }
        }
        if (rubric == null) {
            out.add(src.error("$.rubric", "period " + period.id() + " names no rubric to score this sheet against"));
            return null;
        }
        if (!sheet.rubric().equals(rubric.id())) {
            out.add(src.error("$.rubric", "sheet is for rubric \"" + sheet.rubric() + "\" but period " + period.id()
                    + " uses \"" + rubric.id() + "\""));
            return null;
        }
        for (String key : sheet.criteria().keySet()) {
            if (rubric.criterion(key).isEmpty()) {
                out.add(src.error(crit(key), "no criterion \"" + key + "\" in rubric " + rubric.id()));
            }
        }
        BigDecimal givenSum = BigDecimal.ZERO;
        boolean allGiven = true;
        for (Section section : rubric.sections()) {
            for (Criterion c : section.criteria()) {
                var e = sheet.entry(c.id());
                if (e.isEmpty()) {
                    if (section.kind() == SectionKind.SCORE) {
                        out.add(src.error("$.criteria", "criterion " + c.number() + " (" + c.id()
                                + ") is missing: give its score or mark it \"notApplicable\""));
                        allGiven = false;
                    }
                    continue;
                }
                BigDecimal score = e.get().score();
                if (score == null) {
                    allGiven &= e.get().isNotApplicable();
                    continue;
                }
                givenSum = givenSum.add(score);
                String reason = e.get().reason();
                if (section.kind() == SectionKind.SCORE && c.points() != null && score.compareTo(c.points()) < 0
                        && (reason == null || reason.isBlank())) {
                    // Station staff read this page to learn what to fix: a lost point needs its 扣分原因.
                    out.add(src.warning(scorePath(c), "criterion " + c.number() + " lost " + plain(c.points().subtract(score))
                            + " point(s) but gives no reason (扣分原因)"));
                }
                if (section.kind() == SectionKind.SCORE && (score.signum() < 0 || score.compareTo(c.ceiling()) > 0)) {
                    out.add(src.error(scorePath(c), "criterion " + c.number() + " scores " + plain(score)
                            + ", outside 0 to its maximum " + plain(c.ceiling())));
                }
                // Stripping zeros only lowers a scale, so a score within the rubric's decimals needs no stripping.
                if (score.scale() > rubric.scale() && score.stripTrailingZeros().scale() > rubric.scale()) {
                    out.add(src.error(scorePath(c), plain(score) + " has more than the rubric's " + rubric.scale() + " decimals"));
                } else if (!rubric.isMultipleOfStep(score)) {
                    out.add(src.error(scorePath(c), plain(score) + " is not a multiple of the rubric's step "
                            + plain(rubric.effectiveStep())));
                }
            }
        }
        if (allGiven && sheet.recordedTotal() != null && givenSum.compareTo(sheet.recordedTotal()) != 0) {
            out.add(src.error("$.recordedTotal", "the criteria add up to " + plain(givenSum)
                    + ", but the recorded total is " + plain(sheet.recordedTotal())));
        }
        for (int i = 0; i < sheet.corrections().size(); i++) {
            Sheet.Correction corr = sheet.corrections().get(i);
            var e = sheet.entry(corr.criterion());
            if (e.isEmpty() || e.get().score() == null || e.get().score().compareTo(corr.corrected()) != 0) {
                out.add(src.error("$.corrections[" + i + "]", "correction of " + corr.criterion()
                        + " says " + plain(corr.corrected()) + " but the sheet holds "
                        + e.map(x -> x.score() == null ? "no score" : plain(x.score())).orElse("nothing")));
            }
        }
        if (errors(out) > before) {
            return null;
        }
        Station st = byId.get(fileStation);
        try {
            Sheet withStation = (st == null ? sheet : sheet.withAttributes(st.attributes())).withTargets(period.targetsOf(fileStation));
            Breakdown b = new SheetScorer().score(rubric, withStation);
            if (!allGiven && sheet.recordedTotal() != null && b.total().compareTo(sheet.recordedTotal()) != 0) {
                out.add(src.error("$.recordedTotal", "the sheet scores " + plain(b.total())
                        + ", but the recorded total is " + plain(sheet.recordedTotal())));
                return null;
            }
            return b;
        } catch (ScoreException e) {
            out.add(src.error(e.path(), e.detail()));
            return null;
        }
    }

    private static int errors(List<Diagnostic> out) {
        return (int) out.stream().filter(Diagnostic::isError).count();
    }

    /** Made only for a finding, not for every score of every sheet. */
    private static String scorePath(Criterion c) {
        return crit(c.id()) + ".score";
    }

    private static String crit(String id) {
        return JsonPath.child("$.criteria", id);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
