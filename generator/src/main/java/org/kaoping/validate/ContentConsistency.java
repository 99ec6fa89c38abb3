package org.kaoping.validate;

import org.kaoping.load.Corpus;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.JsonSource;
import org.kaoping.load.Loaded;
import org.kaoping.load.StationNames;
import org.kaoping.model.Assessment;
import org.kaoping.model.EachIndex;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.PeriodException;
import org.kaoping.rank.PeriodRows;
import org.kaoping.rank.PeriodScorer;
import org.kaoping.rank.Standing;
import org.kaoping.rank.Standings;
import org.kaoping.score.Breakdown;
import org.kaoping.score.ScoreException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks content/ against itself and the rubrics (issue 3's list), down to the published figures. */
public final class ContentConsistency {
    private final Corpus corpus;
    private final List<Diagnostic> out;
    private final Map<String, Standings> scored;
    private final SheetChecks sheetChecks;
    private final PeriodMemory memory;

    private ContentConsistency(Corpus corpus, List<Diagnostic> out, Map<String, Standings> scored, SheetChecks sheetChecks,
                               PeriodMemory memory) {
        this.corpus = corpus;
        this.out = out;
        this.scored = scored;
        this.sheetChecks = sheetChecks;
        this.memory = memory;
    }

    public static void check(Corpus corpus, List<Diagnostic> out) {
        check(corpus, out, new HashMap<>());
    }

    /**
     * As {@link #check(Corpus, List)}, also keeping each period's standings (period id → standings) as
     * the check computed them, so that `build` scores every sheet once rather than twice.
     */
    public static void check(Corpus corpus, List<Diagnostic> out, Map<String, Standings> scored) {
        check(corpus, out, scored, SheetChecks.DIRECT);
    }

    /** As {@link #check(Corpus, List, Map)}, each sheet checked through {@code sheetChecks}. */
    public static void check(Corpus corpus, List<Diagnostic> out, Map<String, Standings> scored, SheetChecks sheetChecks) {
        check(corpus, out, scored, sheetChecks, new PeriodMemory());
    }

    /**
     * As {@link #check(Corpus, List, Map, SheetChecks)}, keeping in {@code memory} what each period's part of the
     * check found apart from its sheets, and its scoring, for {@link #recheck}.
     */
    public static void check(Corpus corpus, List<Diagnostic> out, Map<String, Standings> scored, SheetChecks sheetChecks,
                             PeriodMemory memory) {
        memory.clear();
        new ContentConsistency(corpus, out, scored, sheetChecks, memory).run();
    }

    /**
     * Only the given periods' part of the check: exactly what {@link #check} finds in those periods' files and
     * their sheets, and their standings. For `serve` after some periods' sheets changed and nothing else did
     * (the findings on the station registry, on other periods and on sheets without a period stay as they were).
     */
    public static void recheck(Corpus corpus, java.util.Collection<String> periods, List<Diagnostic> out,
                               Map<String, Standings> scored, SheetChecks sheetChecks) {
        recheck(corpus, periods, out, scored, sheetChecks, new PeriodMemory());
    }

    /**
     * As {@link #recheck(Corpus, java.util.Collection, List, Map, SheetChecks)}, taking from {@code memory} (kept by
     * {@link #check} or an earlier recheck) what did not change: a period's findings on its own file and its
     * results, which no sheet touches, when its file, the station registry and the rubrics are the very objects
     * they were; and each line of its ranking whose sheet's breakdown is ({@link PeriodScorer}).
     */
    public static void recheck(Corpus corpus, java.util.Collection<String> periods, List<Diagnostic> out,
                               Map<String, Standings> scored, SheetChecks sheetChecks, PeriodMemory memory) {
        if (corpus.stations() == null) {
            return;
        }
        ContentConsistency c = new ContentConsistency(corpus, out, scored, sheetChecks, memory);
        StationNames names = corpus.names();
        Map<String, Station> byId = c.stationsById(names);
        Set<String> periodIds = c.periodIds();
        // The periods before each one, as run() sees them (a repeated period id is reported on the second file).
        Set<String> seenPeriods = new HashSet<>();
        for (Loaded<Period> lp : corpus.periods()) {
            if (periods.contains(lp.value().id())) {
                c.checkPeriodFile(lp, names, byId, periodIds, seenPeriods);
            } else {
                seenPeriods.add(lp.value().id());
            }
        }
    }

    private Map<String, Station> stationsById(StationNames names) {
        Map<String, Station> byId = new HashMap<>();
        names.all().forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    private Set<String> periodIds() {
        Set<String> ids = new HashSet<>();
        corpus.periods().forEach(p -> ids.add(p.value().id()));
        return ids;
    }

    private void run() {
        if (corpus.stations() == null) {
            return;
        }
        checkStations();
        StationNames names = corpus.names();
        Map<String, Station> byId = stationsById(names);
        Set<String> periodIds = periodIds();
        Set<String> seenPeriods = new HashSet<>();
        for (Loaded<Period> lp : corpus.periods()) {
            checkPeriodFile(lp, names, byId, periodIds, seenPeriods);
        }
        for (var e : corpus.sheets().entrySet()) {
            if (!periodIds.contains(e.getKey())) {
                for (Loaded<Sheet> s : e.getValue().values()) {
                    out.add(s.source().error("$", "sheet is in sheets/" + e.getKey() + "/ but there is no period \""
                            + e.getKey() + "\""));
                }
            }
        }
    }

    /** One period's file, its sheets and its standings. */
    private void checkPeriodFile(Loaded<Period> lp, StationNames names, Map<String, Station> byId, Set<String> periodIds,
                                 Set<String> seenPeriods) {
        boolean repeated = !seenPeriods.add(lp.value().id());
        PeriodMemory.Head head = memory.head(lp, corpus, repeated);
        if (head == null) {
            List<Diagnostic> found = new ArrayList<>();
            head = new ContentConsistency(corpus, found, scored, sheetChecks, memory)
                    .head(lp, names, byId, periodIds, repeated, found);
            memory.keep(lp, corpus, repeated, head);
        }
        out.addAll(head.found());
        if (!head.rubricKnown()) {
            return;
        }
        checkSheets(lp, head, names, byId);
    }

    /**
     * What the check of a period finds before its sheets: on its file (id, rubric, previous period, assessment),
     * its results' stations and targets. Nothing here depends on a sheet.
     */
    private PeriodMemory.Head head(Loaded<Period> lp, StationNames names, Map<String, Station> byId, Set<String> periodIds,
                                   boolean repeated, List<Diagnostic> found) {
        Period p = lp.value();
        JsonSource src = lp.source();
        String expected = src.file().getFileName().toString().replaceFirst("\\.json$", "");
        if (!p.id().equals(expected)) {
            out.add(src.error("$.id", "period id \"" + p.id() + "\" must match its file name \"" + expected + "\""));
        }
        if (repeated) {
            out.add(src.error("$.id", "duplicate period id \"" + p.id() + "\""));
        }
        Rubric rubric = null;
        if (p.rubric() != null) {
            rubric = corpus.rubric(p.rubric()).orElse(null);
            if (rubric == null) {
                out.add(src.error("$.rubric", "unknown rubric \"" + p.rubric() + "\"; rubrics/ has "
                        + String.join(", ", corpus.rubrics().keySet())));
                return new PeriodMemory.Head(List.copyOf(found), false, null, false);
            }
        }
        // No rubric is a documented state (2021: the source has none; the period declares its own
        // assessment, and PeriodScorer refuses a period with neither), so it is not worth a warning
        // on every build that nobody can act on.
        if (p.previous() != null && !periodIds.contains(p.previous())) {
            out.add(src.error("$.previous", "unknown previous period \"" + p.previous() + "\""));
        }
        if (p.assessment() != null) {
            AssessmentConsistency.check(p.assessment(), "$.assessment",
                    rubric == null ? List.of() : rubric.sheets().stream().map(s -> s.id()).toList(), src, out);
        }
        boolean resolved = checkResults(lp, rubric, names, byId);
        return new PeriodMemory.Head(List.copyOf(found), true, rubric, resolved);
    }

    private void checkStations() {
        JsonSource src = corpus.stations().source();
        Map<String, String> owner = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        List<Station> list = corpus.stations().value().stations();
        for (int i = 0; i < list.size(); i++) {
            Station s = list.get(i);
            String sp = "$.stations[" + i + "]";
            Integer first = ids.putIfAbsent(s.id(), i);
            if (first != null) {
                // Names are claimed per id below, so a repeated id (a copied entry, or two stations given one id)
                // would pass unnoticed there.
                out.add(src.error(sp + ".id", "duplicate station id \"" + s.id() + "\" (already $.stations[" + first
                        + "]); each station is listed once, with an id of its own"));
                continue;
            }
            claim(owner, s.id(), s, sp + ".id", src);
            claim(owner, s.name(), s, sp + ".name", src);
            claim(owner, s.shortName(), s, sp + ".short", src);
            for (int k = 0; k < s.aliases().size(); k++) {
                claim(owner, s.aliases().get(k), s, sp + ".aliases[" + k + "]", src);
            }
        }
    }

    /** Per-station targets name a rule whose target is set per station, and known stations. */
    private void checkTargets(Period p, Rubric rubric, Map<String, Station> byId, JsonSource src) {
        for (var e : p.targets().entrySet()) {
            String path = org.kaoping.load.JsonPath.child("$.targets", e.getKey());
            String[] ref = e.getKey().split("/", 2);
            var rule = rubric == null || ref.length < 2 ? java.util.Optional.<org.kaoping.model.Rule>empty()
                    : rubric.criterion(ref[0]).flatMap(c -> c.rule(ref[1]));
            if (rule.isEmpty() || !(rule.get() instanceof org.kaoping.model.Rule.Targeted t) || !t.perStation()) {
                out.add(src.error(path, "\"" + e.getKey() + "\" is not a rule of " + (rubric == null ? "the period's rubric"
                        : "rubric " + rubric.id()) + " whose target is set per station (\"criterion/rule\" with \"targetPerStation\": true)"));
                continue;
            }
            for (String station : e.getValue().keySet()) {
                if (!byId.containsKey(station)) {
                    out.add(src.error(org.kaoping.load.JsonPath.child(path, station), "no station \"" + station + "\""));
                }
            }
        }
    }

    private void claim(Map<String, String> owner, String name, Station s, String path, JsonSource src) {
        String prev = owner.putIfAbsent(name, s.id());
        if (prev != null && !prev.equals(s.id())) {
            out.add(src.error(path, "\"" + name + "\" already names station " + prev + "; a name must resolve to one station"));
        }
    }

    /** The period's results: known stations, each once, printed names, every station present, targets. */
    private boolean checkResults(Loaded<Period> lp, Rubric rubric, StationNames names, Map<String, Station> byId) {
        Period p = lp.value();
        JsonSource src = lp.source();
        Set<String> seen = new HashSet<>();
        boolean resolved = true;
        for (int i = 0; i < p.results().size(); i++) {
            Period.Result r = p.results().get(i);
            String rp = "$.results[" + i + "]";
            if (!byId.containsKey(r.station())) {
                // Names and aliases were resolved to ids on loading; what is left is unknown.
                resolved = false;
                try {
                    names.require(r.station());
                } catch (StationNames.UnknownStationException e) {
                    out.add(src.error(rp + ".station", e.getMessage()));
                }
                continue;
            }
            if (!seen.add(r.station())) {
                out.add(src.error(rp + ".station", "station " + r.station() + " appears twice in period " + p.id()));
            }
            if (r.printedName() != null) {
                var printed = names.resolve(r.printedName());
                if (printed.isEmpty()) {
                    out.add(src.error(rp + ".printedName", "printed name \"" + r.printedName()
                            + "\" resolves to no station; add it to the station's aliases"));
                } else if (!printed.get().id().equals(r.station())) {
                    out.add(src.error(rp + ".printedName", "printed name \"" + r.printedName() + "\" is station "
                            + printed.get().id() + ", not " + r.station()));
                }
            }
        }
        for (Station s : names.all()) {
            if (!seen.contains(s.id())) {
                out.add(src.warning("$.results", "station " + s.name() + " (" + s.id() + ") is missing from period " + p.id()));
            }
        }
        checkTargets(p, rubric, byId, src);
        return resolved;
    }

    /** The period's sheets, then (when every result and sheet could be read) its figures and its ranking. */
    private void checkSheets(Loaded<Period> lp, PeriodMemory.Head head, StationNames names, Map<String, Station> byId) {
        Period p = lp.value();
        JsonSource src = lp.source();
        Rubric rubric = head.rubric();
        boolean resolved = head.resolved();
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        Map<String, Breakdown> breakdowns = new HashMap<>();
        // Sheets are checked (and scored) in parallel, each into its own list of findings, kept in file order;
        // the period reuses each breakdown rather than scoring the sheet again.
        List<Map.Entry<String, Loaded<Sheet>>> files = List.copyOf(corpus.sheetsOf(p.id()).entrySet());
        Breakdown[] scoredSheets = new Breakdown[files.size()];
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] found = new List[files.size()];
        final Rubric r0 = rubric;
        EachIndex.run(files.size(), i -> {
            found[i] = new java.util.ArrayList<>();
            var e = files.get(i);
            scoredSheets[i] = sheetChecks.scored(e.getValue(), e.getKey(), p, r0, names, byId, found[i]);
        });
        for (int i = 0; i < files.size(); i++) {
            out.addAll(found[i]);
            if (scoredSheets[i] != null) {
                sheets.put(files.get(i).getKey(), files.get(i).getValue().value());
                breakdowns.put(files.get(i).getKey(), scoredSheets[i]);
            } else {
                resolved = false;
            }
        }
        if (!resolved) {
            return;
        }
        PeriodMemory.Figures figures = memory.figures(head);
        if (figures == null) {
            List<Diagnostic> said = new ArrayList<>();
            figures = new ContentConsistency(corpus, said, scored, sheetChecks, memory).figures(lp, rubric, said);
            memory.keep(head, figures);
        }
        out.addAll(figures.found());
        if (figures.assessment() == null) {
            return;
        }
        Standings standings;
        try {
            PeriodRows rows = new PeriodScorer().score(p, rubric, sheets, byId, breakdowns, memory.rows(p.id()));
            memory.keep(p.id(), rows);
            standings = rows.standings();
            scored.put(p.id(), standings);
        } catch (PeriodException e) {
            out.add(src.error(e.path(), e.getMessage()));
            return;
        } catch (ScoreException e) {
            out.add(src.error("$", e.getMessage()));
            return;
        }
        for (int i = 0; i < p.results().size(); i++) {
            Period.Result r = p.results().get(i);
            if (r.published() == null) {
                continue;
            }
            Standing st = standings.of(r.station()).orElseThrow();
            String rp = "$.results[" + i + "]";
            if (r.published().total() != null && r.published().total().compareTo(st.total()) != 0) {
                out.add(src.warning(rp + ".published.total", r.station() + ": computed total " + plain(st.total())
                        + " differs from the published " + plain(r.published().total())));
            }
            if (r.published().place() != null && r.published().place() != st.place()) {
                out.add(src.warning(rp + ".published.place", r.station() + ": computed place " + st.place()
                        + " differs from the published " + r.published().place()));
            }
        }
    }

    /**
     * The period's figures, which no sheet touches: its assessment (null, with the error said, when it has none),
     * given components at the assessment's scale and in range, known component ids.
     */
    private PeriodMemory.Figures figures(Loaded<Period> lp, Rubric rubric, List<Diagnostic> found) {
        Period p = lp.value();
        JsonSource src = lp.source();
        Assessment a;
        try {
            a = PeriodScorer.assessmentOf(p, rubric);
        } catch (PeriodException e) {
            out.add(src.error(e.path(), e.getMessage()));
            return new PeriodMemory.Figures(List.copyOf(found), null);
        }
        for (int i = 0; i < p.results().size(); i++) {
            Period.Result r = p.results().get(i);
            String rp = "$.results[" + i + "]";
            r.components().forEach((k, v) -> tooPrecise(src, rp + ".components." + k, v, a.scale()));
            r.components().forEach((k, v) -> outOfRange(src, rp + ".components." + k, v, rubric));
            if (r.published() != null && r.published().total() != null) {
                tooPrecise(src, rp + ".published.total", r.published().total(), a.scale());
            }
        }
        Set<String> known = new HashSet<>();
        a.components().forEach(c -> known.add(c.id()));
        a.rankBonuses().forEach(b -> known.add(b.basis()));
        for (int i = 0; i < p.results().size(); i++) {
            for (String key : p.results().get(i).components().keySet()) {
                if (!known.contains(key)) {
                    out.add(src.error("$.results[" + i + "].components." + key, "unknown component \"" + key
                            + "\"; the assessment has " + String.join(", ", known)));
                }
            }
        }
        return new PeriodMemory.Figures(List.copyOf(found), a);
    }

    /**
     * A given component is a score: not below zero and not above the rubric's total (without a rubric,
     * not above 1000, beyond any total a period publishes).
     */
    private void outOfRange(JsonSource src, String path, BigDecimal v, Rubric rubric) {
        BigDecimal max = rubric != null ? rubric.total() : BigDecimal.valueOf(1000);
        if (v.signum() < 0 || v.compareTo(max) > 0) {
            out.add(src.error(path, "component value " + plain(v) + " is outside 0–" + plain(max)
                    + (rubric != null ? ", the rubric's total" : "")));
        }
    }

    private void tooPrecise(JsonSource src, String path, BigDecimal v, int scale) {
        if (v.stripTrailingZeros().scale() > scale) {
            out.add(src.error(path, plain(v) + " has more than the " + scale + " decimals the assessment declares"));
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
