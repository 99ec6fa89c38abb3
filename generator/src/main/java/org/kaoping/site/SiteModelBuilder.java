package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.load.RubricTree;
import org.kaoping.model.EachIndex;
import org.kaoping.model.Rubric;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.Station;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Corpus + engine → {@link SiteModel}: every page of the site, in the order they are written. */
public final class SiteModelBuilder {
    /** The bureau's time zone, for the optional build time in the footer. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SiteModelBuilder() {
    }

    public static SiteModel build(Corpus corpus, Fingerprint fingerprint, Clock clock) {
        return build(corpus, fingerprint, clock, Audience.PUBLIC);
    }

    /**
     * @param audience an internal build shows assessor notes and (through the corpus, loaded for the
     *                 same audience) private names, and marks every page as internal
     */
    public static SiteModel build(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience) {
        return build(corpus, fingerprint, clock, audience, Map.of());
    }

    /**
     * @param audience an internal build shows assessor notes and (through the corpus, loaded for the
     *                 same audience) private names, and marks every page as internal
     * @param scored   period id → standings `check` computed from this very corpus; each sheet is scored once
     */
    public static SiteModel build(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                                  Map<String, org.kaoping.rank.Standings> scored) {
        return build(corpus, fingerprint, clock, audience, scored, true);
    }

    /**
     * As {@link #build(Corpus, Fingerprint, Clock, Audience, Map)}.
     *
     * @param overCores whether the kept pages are built over all cores (`serve`'s output write keeps to one)
     */
    public static SiteModel build(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                                  Map<String, org.kaoping.rank.Standings> scored, boolean overCores) {
        requireSiteFiles(corpus);
        Plan plan = plan(corpus, fingerprint, clock, audience, ScoredPeriods.of(corpus, scored), new Stations(corpus));
        return plan.model(kept(plan.pages(), overCores));
    }

    /**
     * One supplier per planned page: a kept page built now, the others (station pages) when rendered. A province's
     * report drafts and period pages took seconds on one core while the other waited, so the kept pages are built
     * over the cores; each is a function of the shared, finished periods, so the order cannot change a byte. A failure
     * is the one the first failing page in plan order throws, as when they were built one by one.
     */
    static List<Supplier<Page>> kept(List<Planned> planned, boolean overCores) {
        int[] kept = java.util.stream.IntStream.range(0, planned.size()).filter(i -> planned.get(i).kept()).toArray();
        Page[] built = new Page[planned.size()];
        // EachIndex rethrows the lowest failing index's own exception: the first failing page in plan order.
        java.util.function.IntConsumer build = k -> built[kept[k]] = planned.get(kept[k]).build().get();
        if (overCores) {
            EachIndex.run(kept.length, build);
        } else {
            for (int k = 0; k < kept.length; k++) {
                build.accept(k);
            }
        }
        List<Supplier<Page>> pages = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Page page = built[i];
            pages.add(planned.get(i).kept() ? () -> page : planned.get(i).build());
        }
        return pages;
    }

    static void requireSiteFiles(Corpus corpus) {
        if (corpus.site() == null || corpus.stations() == null) {
            throw new SiteException("content/site.json and content/stations.json are required");
        }
    }

    /**
     * A page of the site: where it is written, how it is built, and whether a build makes it once and keeps it
     * (a station page is made as it is rendered: a province's would not fit in memory at once).
     */
    record Planned(String path, Supplier<Page> build, boolean kept) {
    }

    /** The site's pages in the order they are written, not yet built, and what every page shares. */
    record Plan(SiteConfig config, Fingerprint fingerprint, String builtAt, List<Planned> pages,
                Map<String, JsonNode> exports, boolean internalBuild) {
        /** The model over these pages ({@code pages}: one supplier per planned page, in order). */
        SiteModel model(List<Supplier<Page>> pages) {
            return new SiteModel(config, fingerprint, builtAt, PageList.of(pages), exports, internalBuild);
        }
    }

    /**
     * Every page of the site, once: `build` keeps all but the station pages, `serve` ({@link LazySite}) builds each
     * when first asked for. Both get the same pages, in the same order, from the same builders.
     */
    static Plan plan(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                     List<ScoredPeriod> periods, Stations stations) {
        return plan(corpus, fingerprint, clock, audience, periods, stations, RubricParts.of(corpus, audience));
    }

    /**
     * What the pages take from the rubrics, made once per corpus: each rubric file's tree as written (read once for
     * its form and its download, neither changes it), its fingerprint, the rubrics' titles, the downloads' trees.
     */
    record RubricParts(Map<String, Rubric> rubrics, Map<String, String> fingerprints, Map<String, String> titles,
                       Map<String, JsonNode> trees, Map<String, JsonNode> exports, Audience audience) {
        static RubricParts of(Corpus corpus, Audience audience) {
            Map<String, Rubric> rubrics = new LinkedHashMap<>();
            corpus.rubrics().forEach((id, r) -> rubrics.put(id, r.value()));
            Map<String, String> fingerprints = new LinkedHashMap<>();
            corpus.rubrics().forEach((id, r) -> fingerprints.put(id, RubricFingerprint.of(r.source())));
            Map<String, String> titles = new TreeMap<>();
            rubrics.values().forEach(r -> titles.put(r.id(), r.title()));
            Map<String, JsonNode> trees = new LinkedHashMap<>();
            corpus.rubrics().forEach((id, r) -> trees.put(id, RubricTree.read(r.source(), audience)));
            Map<String, JsonNode> exports = new TreeMap<>();
            trees.forEach((id, tree) -> exports.put(Slug.of(id, "rubric"), audience == Audience.INTERNAL
                    ? tree : RubricTree.publicView(tree)));
            return new RubricParts(rubrics, fingerprints, titles, trees, exports, audience);
        }
    }

    /** As {@link #plan(Corpus, Fingerprint, Clock, Audience, List, Stations)}, with the rubrics' parts as made. */
    static Plan plan(Corpus corpus, Fingerprint fingerprint, Clock clock, Audience audience,
                     List<ScoredPeriod> periods, Stations stations, RubricParts parts) {
        SiteConfig config = corpus.site().value();
        boolean internal = audience == Audience.INTERNAL || config.assessorNotesPublic();
        Map<String, Rubric> rubrics = parts.rubrics();
        Map<String, String> fingerprints = parts.fingerprints();
        Map<String, String> titles = parts.titles();
        Map<String, JsonNode> trees = parts.trees();

        for (ScoredPeriod sp : periods) {
            if (sp.id().equals(Slug.STATION_DOWNLOADS)) {
                throw new SiteException("period id \"" + sp.id() + "\" cannot be used: downloads/" + Slug.STATION_DOWNLOADS
                        + "/ holds each station's own .csv of its sheets; rename the period");
            }
        }
        List<Planned> pages = new ArrayList<>();
        pages.add(new Planned("index.html",
                () -> HomePages.build(config, periods, stations, List.copyOf(rubrics.values())), true));
        for (ScoredPeriod sp : periods) {
            pages.add(new Planned(Slug.periodPage(sp.id()), () -> PeriodPages.build(sp, stations, internal), true));
        }
        for (ScoredPeriod sp : periods) {
            pages.add(new Planned(Slug.reportPage(sp.id()),
                    () -> ReportPages.build(sp, stations, config.bureau(), config.commonShare()), true));
        }
        List<Station> all = stations.all();
        List<String> paths = stations.pagePaths();
        for (int i = 0; i < all.size(); i++) {
            Station s = all.get(i);
            pages.add(new Planned(paths.get(i), () -> StationPages.build(s, periods, stations, internal,
                    fingerprints).withSelfAssessments(SelfComparison.of(s, periods, corpus)), false));
        }
        for (Rubric r : rubrics.values()) {
            pages.add(new Planned(Slug.rubricPage(r.id()), () -> RubricPages.build(r, rubrics, periods, internal), true));
        }
        corpus.rubrics().forEach((id, r) -> pages.add(new Planned(SelfCheckPage.pathOf(id),
                () -> SelfCheckPages.build(r.value(), trees.get(id), fingerprints.get(id), titles), true)));
        pages.add(new Planned("methodology.html", () -> MethodologyPages.build(periods, fingerprint, internal,
                config.stampBuildTime(), config.publishedOn()), true));
        pages.add(new Planned("404.html", () -> new NotFoundPage(new Link("返回首页", "index.html")), true));

        Map<String, JsonNode> exports = parts.exports();
        String builtAt = config.stampBuildTime()
                ? ZonedDateTime.now(clock.withZone(ZONE)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                : "";
        return new Plan(config, fingerprint, builtAt, List.copyOf(pages), exports, audience == Audience.INTERNAL);
    }
}
