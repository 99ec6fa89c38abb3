package org.kaoping.rank;

import org.kaoping.model.Assessment;
import org.kaoping.model.Assessment.Component;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.model.TiePolicy;
import org.kaoping.model.Veto;
import org.kaoping.model.VetoEffect;
import org.kaoping.score.Breakdown;
import org.kaoping.score.SheetScorer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Period-level scoring (RULES 14–19): components (weighted or summed), rater averages,
 * rank-based and given bonuses, vetoes, places under the tie policy, and tiers.
 */
public final class PeriodScorer {
    private final SheetScorer sheetScorer = new SheetScorer();

    /** The period's own assessment, or its rubric's. */
    public static Assessment assessmentOf(Period period, Rubric rubric) {
        if (period.assessment() != null) {
            return period.assessment();
        }
        if (rubric != null && rubric.assessment() != null) {
            return rubric.assessment();
        }
        throw new PeriodException("$", "period " + period.id() + " has no assessment, and "
                + (rubric == null ? "names no rubric" : "its rubric " + rubric.id() + " declares none"));
    }

    /**
     * @param rubric   the period's rubric, or null when it has none
     * @param sheets   station id → sheet, for the stations that have one
     * @param stations station id → station (for attributes the sheet does not give)
     */
    public Standings score(Period period, Rubric rubric, Map<String, Sheet> sheets, Map<String, Station> stations) {
        return score(period, rubric, sheets, stations, Map.of());
    }

    /**
     * As {@link #score(Period, Rubric, Map, Map)}, taking a station's breakdown from {@code scored} when it is
     * there: the same sheet, attributes and targets, already scored by the check (so each sheet is scored once).
     */
    public Standings score(Period period, Rubric rubric, Map<String, Sheet> sheets, Map<String, Station> stations,
                           Map<String, Breakdown> scored) {
        return score(period, rubric, sheets, stations, scored, null).standings();
    }

    /**
     * As {@link #score(Period, Rubric, Map, Map, Map)}, taking from {@code before} (this scorer's answer for the
     * same period and rubric before some sheets changed, or null) each station's line whose breakdown is the very
     * object it was: its components, rater average and vetoes are the same, and so is its standing when its total,
     * bonuses, place and tier are. Rank bonuses, places and tiers are always assigned again over every station.
     */
    public PeriodRows score(Period period, Rubric rubric, Map<String, Sheet> sheets, Map<String, Station> stations,
                            Map<String, Breakdown> scored, PeriodRows before) {
        Assessment a = assessmentOf(period, rubric);
        boolean reuse = before != null && before.period() == period && before.rubric() == rubric
                && before.assessment() == a;
        int n = period.results().size();
        List<Map<String, BigDecimal>> components = new ArrayList<>();
        List<Breakdown> breakdowns = new ArrayList<>();
        List<BigDecimal> raterAverages = new ArrayList<>();
        boolean[] same = new boolean[n];
        for (int i = 0; i < n; i++) {
            Period.Result r = period.results().get(i);
            String rp = "$.results[" + i + "]";
            Sheet sheet = sheets.get(r.station());
            Breakdown b = sheet == null ? null : scored.get(r.station());
            if (b == null && sheet != null && rubric != null) {
                Station st = stations.get(r.station());
                b = sheetScorer.score(rubric, (st == null ? sheet : sheet.withAttributes(st.attributes()))
                        .withTargets(period.targetsOf(r.station())));
            }
            breakdowns.add(b);
            same[i] = reuse && before.breakdowns().get(i) == b;
            if (same[i]) {
                raterAverages.add(before.raterAverages().get(i));
                components.add(before.components().get(i));
                continue;
            }
            BigDecimal raters = a.raters() == null || r.raters().isEmpty() ? null : RaterAverage.of(a, r.raters(), rp);
            raterAverages.add(raters);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Component c : a.components()) {
                values.put(c.id(), componentValue(c, r, b, raters, rp));
            }
            components.add(values);
        }
        List<Map<String, BigDecimal>> bonuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bonuses.add(new LinkedHashMap<>());
        }
        for (Assessment.RankBonus rb : a.rankBonuses()) {
            List<BigDecimal> basis = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                basis.add(basisValue(rb.basis(), components.get(i), raterAverages.get(i), period.results().get(i),
                        "$.results[" + i + "]"));
            }
            int[] places = Places.assign(basis, TiePolicy.SHARED, Integer::compare);
            for (int i = 0; i < n; i++) {
                if (places[i] <= rb.awards().size()) {
                    bonuses.get(i).put(rb.id(), rb.awards().get(places[i] - 1));
                }
            }
        }
        for (Assessment.GivenBonus gb : a.givenBonuses()) {
            for (int i = 0; i < n; i++) {
                Integer count = period.results().get(i).bonuses().get(gb.id());
                if (count != null && count > 0) {
                    BigDecimal v = gb.per().multiply(BigDecimal.valueOf(count));
                    bonuses.get(i).put(gb.id(), gb.cap() == null ? v : v.min(gb.cap()));
                }
            }
        }
        List<BigDecimal> totals = new ArrayList<>();
        List<List<Standing.VetoApplied>> vetoes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            totals.add(total(a, components.get(i), bonuses.get(i)));
            vetoes.add(same[i] ? before.vetoes().get(i)
                    : vetoesOf(period.results().get(i), breakdowns.get(i), rubric, "$.results[" + i + "]"));
        }
        int[] places = place(period, a, totals, components, vetoes);
        String[] tiers = Tiering.assign(a, places, period.results(), vetoes);
        List<Standing> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Standing was = same[i] ? before.rows().get(i) : null;
            if (was != null && was.place() == places[i] && java.util.Objects.equals(was.tier(), tiers[i])
                    && was.total().equals(totals.get(i)) && was.bonuses().equals(bonuses.get(i))) {
                rows.add(was);
                continue;
            }
            Period.Result r = period.results().get(i);
            rows.add(new Standing(r.station(), components.get(i), bonuses.get(i), totals.get(i), places[i], tiers[i],
                    vetoes.get(i), r.disqualifiers(), breakdowns.get(i),
                    r.published() == null ? null : r.published().total(),
                    r.published() == null ? null : r.published().place()));
        }
        return new PeriodRows(period, rubric, a, breakdowns, components, raterAverages, vetoes, rows,
                new Standings(period, a, inPlaceOrder(rows, places)));
    }

    /**
     * The lines in {@link Standings#ORDER}: by place (a counting sort, the places being 1 to n), equal places by
     * station id. Standings would sort them too; 10,000 lines by comparison cost more.
     */
    private static List<Standing> inPlaceOrder(List<Standing> rows, int[] places) {
        int n = rows.size();
        int max = 0;
        for (int p : places) {
            if (p < 1) {
                return rows; // not places 1..n: Standings sorts them
            }
            max = Math.max(max, p);
        }
        int[] start = new int[max + 2];
        for (int p : places) {
            start[p + 1]++;
        }
        for (int p = 1; p <= max + 1; p++) {
            start[p] += start[p - 1];
        }
        Standing[] out = new Standing[n];
        int[] next = java.util.Arrays.copyOf(start, start.length);
        for (int i = 0; i < n; i++) {
            out[next[places[i]]++] = rows.get(i);
        }
        List<Standing> ordered = java.util.Arrays.asList(out);
        for (int p = 1; p <= max; p++) {
            if (start[p + 1] - start[p] > 1) {
                ordered.subList(start[p], start[p + 1]).sort(Comparator.comparing(Standing::station));
            }
        }
        return ordered;
    }

    /** Components (weighted or summed) plus bonuses, at the assessment's scale: a station's total. */
    private static BigDecimal total(Assessment a, Map<String, BigDecimal> components, Map<String, BigDecimal> bonuses) {
        BigDecimal total = BigDecimal.ZERO;
        for (Component c : a.components()) {
            BigDecimal v = components.get(c.id());
            total = total.add(c.weight() == null ? v : v.multiply(c.weight()));
        }
        for (BigDecimal b : bonuses.values()) {
            total = total.add(b);
        }
        return total.setScale(a.scale(), a.rounding());
    }

    /**
     * The total a station would have with its sheet scored as {@code b} instead (a sheet with lost items
     * restored, for a station page's opportunities), everything else of its line unchanged: components given
     * in the period stay as given. Empty where the total is not a function of the station's own line alone:
     * rank bonuses depend on every other station's figures.
     */
    public static java.util.Optional<BigDecimal> totalWith(Assessment a, Period.Result r, Standing s, Breakdown b) {
        if (!a.rankBonuses().isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>(s.components());
        for (Component c : a.components()) {
            if (!r.components().containsKey(c.id()) && c.fromSheet()) {
                values.put(c.id(), componentValue(c, r, b, null, "$"));
            }
        }
        return java.util.Optional.of(total(a, values, s.bonuses()));
    }

    private static BigDecimal componentValue(Component c, Period.Result r, Breakdown b, BigDecimal raters, String rp) {
        BigDecimal given = r.components().get(c.id());
        if (given != null) {
            return given;
        }
        if (c.fromSheet() && b != null) {
            if (c.categorySheet() == null) {
                return b.total();
            }
            return b.sheets().stream().filter(s -> s.id().equals(c.categorySheet())).findFirst()
                    .orElseThrow(() -> new PeriodException(rp, "no category sheet " + c.categorySheet())).score();
        }
        if (c.source().equals("raters") && raters != null) {
            return raters;
        }
        throw new PeriodException(rp + ".components", "no value for component \"" + c.id() + "\" ("
                + c.title() + "): give it in \"components\""
                + (c.fromSheet() ? " or add the sheet sheets/<period>/" + r.station() + ".json" : ""));
    }

    private static BigDecimal basisValue(String basis, Map<String, BigDecimal> components, BigDecimal raters,
                                         Period.Result r, String rp) {
        if (basis.equals("raters") && raters != null) {
            return raters;
        }
        BigDecimal v = components.containsKey(basis) ? components.get(basis) : r.components().get(basis);
        if (v == null) {
            throw new PeriodException(rp + ".components", "no figure \"" + basis + "\" for the rank bonus basis");
        }
        return v;
    }

    private static List<Standing.VetoApplied> vetoesOf(Period.Result r, Breakdown b, Rubric rubric, String rp) {
        List<Standing.VetoApplied> out = new ArrayList<>();
        if (b != null) {
            for (Breakdown.AppliedVeto v : b.vetoes()) {
                out.add(new Standing.VetoApplied(v.id(), v.effect(), rubric.veto(v.id()).map(Veto::text).orElse(v.id())));
            }
        }
        for (int k = 0; k < r.vetoes().size(); k++) {
            String id = r.vetoes().get(k);
            if (out.stream().anyMatch(v -> v.id().equals(id))) {
                continue;
            }
            Veto v = rubric == null ? null : rubric.veto(id).orElse(null);
            if (v == null) {
                throw new PeriodException(rp + ".vetoes[" + k + "]", "unknown veto \"" + id + "\""
                        + (rubric == null ? "" : " in rubric " + rubric.id()));
            }
            out.add(new Standing.VetoApplied(v.id(), v.effect(), v.text()));
        }
        return out;
    }

    /** Places under the tie policy; voided results are placed after all others. */
    private static int[] place(Period period, Assessment a, List<BigDecimal> totals, List<Map<String, BigDecimal>> comps,
                               List<List<Standing.VetoApplied>> vetoes) {
        int n = totals.size();
        List<Integer> kept = new ArrayList<>();
        List<Integer> voided = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (vetoes.get(i).stream().anyMatch(v -> v.effect() == VetoEffect.VOID) ? voided : kept).add(i);
        }
        int[] places = new int[n];
        int offset = 0;
        for (List<Integer> group : List.of(kept, voided)) {
            List<BigDecimal> t = group.stream().map(totals::get).toList();
            Comparator<Integer> tieBreak = tieBreak(period, a, group, comps);
            int[] p = Places.assign(t, a.ranking().ties(), tieBreak);
            for (int k = 0; k < group.size(); k++) {
                places[group.get(k)] = p[k] + offset;
            }
            offset += group.size();
        }
        return places;
    }

    private static Comparator<Integer> tieBreak(Period period, Assessment a, List<Integer> group,
                                                List<Map<String, BigDecimal>> comps) {
        String tb = a.ranking().effectiveTieBreak();
        Comparator<Integer> byStation = Comparator.comparing(k -> period.results().get(group.get(k)).station());
        if (tb.startsWith("component:")) {
            String id = tb.substring("component:".length());
            Comparator<Integer> byComponent = Comparator.comparing(
                    (Integer k) -> comps.get(group.get(k)).get(id), Comparator.reverseOrder());
            return byComponent.thenComparing(byStation);
        }
        // "published": as the source lists them (the order of results in the period file).
        return Comparator.<Integer>naturalOrder();
    }

    static BigDecimal round(BigDecimal v, int scale, RoundingMode mode) {
        return v.setScale(scale, mode);
    }
}
