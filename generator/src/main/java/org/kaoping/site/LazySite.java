package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.model.Rubric;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.Station;
import org.kaoping.rank.Standings;
import org.kaoping.render.RubricJson;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
    private final Map<String, Supplier<Page>> byPath;
    private final Map<String, Supplier<Page>> dataOwners;
    private final Map<String, Supplier<Page>> reports;

    private LazySite(SiteModel model, Corpus corpus, List<ScoredPeriod> periods, Stations stations,
                     Map<String, Supplier<Page>> byPath, Map<String, Supplier<Page>> dataOwners,
                     Map<String, Supplier<Page>> reports) {
        this.model = model;
        this.corpus = corpus;
        this.periods = periods;
        this.stations = stations;
        this.byPath = byPath;
        this.dataOwners = dataOwners;
        this.reports = reports;
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
     * and previous period are the very objects they were, and the station registry: a province's periods hold
     * 80,000 sheets, of which one changed.
     */
    public static LazySite of(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                              Map<String, Standings> scored, LazySite before) {
        if (corpus.site() == null || corpus.stations() == null) {
            throw new SiteException("content/site.json and content/stations.json are required");
        }
        SiteConfig config = corpus.site().value();
        boolean internal = audience == Audience.INTERNAL || config.assessorNotesPublic();
        boolean same = before != null && before.corpus.periods() == corpus.periods()
                && before.corpus.stations() == corpus.stations() && before.corpus.rubrics() == corpus.rubrics();
        List<ScoredPeriod> again = same ? again(corpus, scored, before) : null;
        List<ScoredPeriod> periods = again != null ? again : ScoredPeriods.of(corpus, scored);
        Stations stations = same ? before.stations : new Stations(corpus);
        Map<String, Rubric> rubrics = new LinkedHashMap<>();
        corpus.rubrics().forEach((id, r) -> rubrics.put(id, r.value()));
        Map<String, String> fingerprints = new LinkedHashMap<>();
        corpus.rubrics().forEach((id, r) -> fingerprints.put(id, RubricFingerprint.of(r.source())));

        Map<String, Supplier<Page>> byPath = new LinkedHashMap<>();
        Map<String, Supplier<Page>> dataOwners = new HashMap<>();
        Map<String, Supplier<Page>> reports = new HashMap<>();
        List<Supplier<Page>> order = new ArrayList<>();
        Supplier<Page> home = add(byPath, order, "index.html",
                () -> HomePages.build(config, periods, stations, List.copyOf(rubrics.values())));
        dataOwners.put(Paging.STATIONS_DATA, home);
        dataOwners.put(Paging.GRID_DATA, home);
        for (ScoredPeriod sp : periods) {
            dataOwners.put(Paging.rankingData(sp.id()),
                    add(byPath, order, Slug.periodPage(sp.id()), () -> PeriodPages.build(sp, stations, internal)));
        }
        for (ScoredPeriod sp : periods) {
            reports.put(sp.id(), add(byPath, order, Slug.reportPage(sp.id()),
                    () -> ReportPages.build(sp, stations, config.bureau(), config.commonShare())));
        }
        for (Station s : stations.all()) {
            add(byPath, order, Slug.stationPage(s.id()), () -> StationPages.build(s, periods, stations, internal, fingerprints)
                    .withSelfAssessments(SelfComparison.of(s, periods, corpus)));
        }
        for (Rubric r : rubrics.values()) {
            add(byPath, order, Slug.rubricPage(r.id()), () -> RubricPages.build(r, rubrics, periods, internal));
        }
        Map<String, String> titles = new TreeMap<>();
        rubrics.values().forEach(r -> titles.put(r.id(), r.title()));
        corpus.rubrics().forEach((id, r) -> add(byPath, order, SelfCheckPage.pathOf(id), () -> SelfCheckPages.build(r.value(),
                RubricJson.read(r.source(), audience), fingerprints.get(id), titles)));
        add(byPath, order, "methodology.html", () -> MethodologyPages.build(periods, fingerprint, internal,
                config.stampBuildTime(), config.publishedOn()));
        add(byPath, order, "404.html", () -> new NotFoundPage(new Link("返回首页", "index.html")));

        Map<String, JsonNode> exports = new TreeMap<>();
        corpus.rubrics().forEach((id, r) -> exports.put(Slug.of(id, "rubric"), audience == Audience.INTERNAL
                ? RubricJson.read(r.source(), audience) : RubricJson.publicView(RubricJson.read(r.source(), audience))));
        String builtAt = config.stampBuildTime()
                ? ZonedDateTime.now(clock.withZone(SiteModelBuilder.ZONE)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                : "";
        SiteModel model = new SiteModel(config, fingerprint, builtAt, PageList.of(List.of(), 0, order), exports,
                audience == Audience.INTERNAL);
        return new LazySite(model, corpus, periods, stations, byPath, dataOwners, reports);
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
                Map<String, org.kaoping.model.Sheet> sheets = was.sheets();
                if (!sameSheets) {
                    sheets = new TreeMap<>();
                    for (var e : corpus.sheetsOf(p.id()).entrySet()) {
                        sheets.put(e.getKey(), e.getValue().value());
                    }
                }
                sp = new ScoredPeriod(p, was.rubric(), standings, sheets, previous);
            }
            done.put(p.id(), sp);
            out.add(sp);
        }
        return List.copyOf(out);
    }

    private static Supplier<Page> add(Map<String, Supplier<Page>> byPath, List<Supplier<Page>> order, String path,
                                      Supplier<Page> build) {
        Supplier<Page> once = new Once(path, build);
        if (byPath.putIfAbsent(path, once) != null) {
            throw new SiteException("two pages would be written to " + path);
        }
        order.add(once);
        return once;
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
