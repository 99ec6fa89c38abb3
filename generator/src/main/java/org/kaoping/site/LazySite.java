package org.kaoping.site;

import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.rank.Standings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The site model as `serve` uses it: the same pages as {@link SiteModelBuilder#build} (in the same order, from the
 * same builders), but each built only when first asked for, by its path, and then kept for this build. A
 * province's period and report pages take seconds to build; the page a browser reloads takes milliseconds.
 * A page built here is held to the path it was asked for; `ServePreviewTest` holds the whole site equal to a
 * fresh build.
 */
public final class LazySite {
    private final SiteModel model;
    /** What the pages were made from, for the next build after sheets changed ({@link #again}). */
    private final Corpus corpus;
    private final List<ScoredPeriod> periods;
    private final Stations stations;
    private final SiteModelBuilder.RubricParts rubricParts;
    private final Map<String, Supplier<Page>> byPath;
    private final Map<String, Supplier<Page>> dataOwners;
    private final Map<String, Supplier<Page>> reports;
    private final Map<String, Supplier<Page>> stationFiles;

    private LazySite(SiteModel model, Corpus corpus, List<ScoredPeriod> periods, Stations stations,
                     SiteModelBuilder.RubricParts rubricParts, Map<String, Supplier<Page>> byPath,
                     Map<String, Supplier<Page>> dataOwners, Map<String, Supplier<Page>> reports,
                     Map<String, Supplier<Page>> stationFiles) {
        this.model = model;
        this.corpus = corpus;
        this.periods = periods;
        this.stations = stations;
        this.rubricParts = rubricParts;
        this.byPath = byPath;
        this.dataOwners = dataOwners;
        this.reports = reports;
        this.stationFiles = stationFiles;
    }

    /** The model: its pages list builds (and keeps) each page on first use. */
    public SiteModel model() {
        return model;
    }

    /** The page written at {@code path}, built now if not yet; null when the site has no page there. */
    public Page page(String path) {
        Supplier<Page> p = byPath.get(path);
        return p == null ? null : p.get();
    }

    /** The page whose long tables go into the data file {@code path} ({@code data/…}), or null. */
    public Page dataOwner(String path) {
        Supplier<Page> p = dataOwners.get(path);
        return p == null ? null : p.get();
    }

    /**
     * The station page whose own .csv would be written at {@code path} ({@link Slug#stationSheets}), or null; the
     * page has no such file when every sheet of the station has its period's .csv ({@link StationPage#sheetsTable}).
     * Only paths made from the stations' ids are known: no other name reaches a page.
     */
    public Page stationFileOwner(String path) {
        Supplier<Page> p = stationFiles.get(path);
        return p == null ? null : p.get();
    }

    /** The report page of a period (its downloads), or null. */
    public ReportPage report(String periodId) {
        Supplier<Page> p = reports.get(periodId);
        return p == null ? null : (ReportPage) p.get();
    }

    /** As {@link SiteModelBuilder#build(Corpus, Fingerprint, Clock, Audience, Map)}, every page built when asked for. */
    public static LazySite of(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                              Map<String, Standings> scored) {
        return of(corpus, fingerprint, clock, audience, scored, null);
    }

    /**
     * As {@link #of(Corpus, Fingerprint, Clock, Audience, Map)}, taking from {@code before} (the site of the same
     * periods, stations and rubrics before some sheets changed, or null) each scored period whose standings, sheets
     * and previous period are the very objects they were (and the others' rubric layouts), the station registry and
     * what the pages take from the rubrics: a province's periods hold 80,000 sheets, of which one changed.
     */
    public static LazySite of(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                              Map<String, Standings> scored, LazySite before) {
        SiteModelBuilder.requireSiteFiles(corpus);
        boolean same = before != null && before.corpus.periods() == corpus.periods()
                && before.corpus.stations() == corpus.stations() && before.corpus.rubrics() == corpus.rubrics();
        List<ScoredPeriod> again = same ? again(corpus, scored, before) : null;
        List<ScoredPeriod> periods = again != null ? again : ScoredPeriods.of(corpus, scored);
        Stations stations = same ? before.stations : new Stations(corpus);
        SiteModelBuilder.RubricParts parts = same && before.rubricParts.audience() == audience ? before.rubricParts
                : SiteModelBuilder.RubricParts.of(corpus, audience);
        SiteModelBuilder.Plan plan = SiteModelBuilder.plan(corpus, fingerprint, clock, audience, periods, stations, parts);

        Map<String, Supplier<Page>> byPath = new LinkedHashMap<>(plan.pages().size() * 2);
        List<Supplier<Page>> order = new ArrayList<>(plan.pages().size());
        for (SiteModelBuilder.Planned p : plan.pages()) {
            add(byPath, order, p.path(), p.build());
        }
        Map<String, Supplier<Page>> dataOwners = new HashMap<>();
        dataOwners.put(Paging.STATIONS_DATA, byPath.get("index.html"));
        dataOwners.put(Paging.GRID_DATA, byPath.get("index.html"));
        Map<String, Supplier<Page>> reports = new HashMap<>();
        for (ScoredPeriod sp : periods) {
            dataOwners.put(Paging.rankingData(sp.id()), byPath.get(Slug.periodPage(sp.id())));
            reports.put(sp.id(), byPath.get(Slug.reportPage(sp.id())));
        }
        List<String> pagePaths = stations.pagePaths();
        List<String> sheetsPaths = stations.sheetsPaths();
        Map<String, Supplier<Page>> stationFiles = new HashMap<>(sheetsPaths.size() * 2);
        for (int i = 0; i < sheetsPaths.size(); i++) {
            stationFiles.put(sheetsPaths.get(i), byPath.get(pagePaths.get(i)));
        }
        return new LazySite(plan.model(order), corpus, periods, stations, parts, byPath, dataOwners, reports,
                stationFiles);
    }

    /**
     * As {@link ScoredPeriods#of(Corpus, Map)}, reusing {@code before}'s scored periods where nothing of theirs
     * changed; null when it cannot (a period's previous one comes later, or a period has no standings yet).
     */
    private static List<ScoredPeriod> again(Corpus corpus, Map<String, Standings> scored, LazySite before) {
        Map<String, ScoredPeriod> old = new HashMap<>();
        before.periods.forEach(sp -> old.put(sp.id(), sp));
        Map<String, ScoredPeriod> done = new HashMap<>();
        List<ScoredPeriod> out = new ArrayList<>();
        for (var lp : corpus.periods()) {
            var p = lp.value();
            Standings standings = scored.get(p.id());
            ScoredPeriod previous = p.previous() == null ? null : done.get(p.previous());
            ScoredPeriod was = old.get(p.id());
            if (standings == null || (p.previous() != null && previous == null) || was == null || was.period() != p) {
                return null;
            }
            boolean sameSheets = before.corpus.sheetsOf(p.id()) == corpus.sheetsOf(p.id());
            ScoredPeriod sp;
            if (sameSheets && was.standings() == standings && was.previous() == previous) {
                sp = was;
            } else {
                Map<String, org.kaoping.model.Sheet> sheets = sameSheets ? was.sheets()
                        : sheetsAfter(was.sheets(), corpus.sheetsOf(p.id()));
                sp = new ScoredPeriod(p, was.rubric(), standings, sheets, previous, was.layout());
            }
            done.put(p.id(), sp);
            out.add(sp);
        }
        return List.copyOf(out);
    }

    /**
     * The sheets of {@code now} (station id → loaded sheet), sorted by station id, as {@code was} holds them but for
     * the few that changed: one walk along both (sorted alike) rather than 10,000 sorted insertions.
     */
    private static Map<String, org.kaoping.model.Sheet> sheetsAfter(Map<String, org.kaoping.model.Sheet> was,
                                                                   Map<String, org.kaoping.load.Loaded<org.kaoping.model.Sheet>> now) {
        Map<String, org.kaoping.model.Sheet> changed = new HashMap<>();
        if (was instanceof TreeMap<String, org.kaoping.model.Sheet> sorted && sorted.comparator() == null
                && now instanceof java.util.SortedMap<?, ?> n && n.comparator() == null && was.size() == now.size()) {
            var a = was.entrySet().iterator();
            for (var e : now.entrySet()) {
                var w = a.next();
                if (!w.getKey().equals(e.getKey())) {
                    changed = null; // another station: not the same list of sheets
                    break;
                }
                if (w.getValue() != e.getValue().value()) {
                    changed.put(e.getKey(), e.getValue().value());
                }
            }
            if (changed != null) {
                TreeMap<String, org.kaoping.model.Sheet> after = new TreeMap<>(sorted); // linear from a sorted map
                after.putAll(changed);
                return after;
            }
        }
        TreeMap<String, org.kaoping.model.Sheet> sheets = new TreeMap<>();
        now.forEach((id, s) -> sheets.put(id, s.value()));
        return sheets;
    }

    private static void add(Map<String, Supplier<Page>> byPath, List<Supplier<Page>> order, String path,
                                      Supplier<Page> build) {
        Supplier<Page> once = new Once(path, build);
        if (byPath.putIfAbsent(path, once) != null) {
            throw new SiteException("two pages would be written to " + path);
        }
        order.add(once);
    }

    /** A page built on first use and kept; it must lie where it was expected. */
    private static final class Once implements Supplier<Page> {
        private final String path;
        private Supplier<Page> build;
        private volatile Page page;

        Once(String path, Supplier<Page> build) {
            this.path = path;
            this.build = build;
        }

        @Override
        public Page get() {
            Page p = page;
            if (p == null) {
                synchronized (this) {
                    if (page == null) {
                        Page built = build.get();
                        if (!built.path().equals(path)) {
                            throw new SiteException("page built for " + path + " lies at " + built.path());
                        }
                        page = built;
                        build = null;
                    }
                    p = page;
                }
            }
            return p;
        }
    }
}
