package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.model.Rubric;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.Station;
import org.kaoping.render.RubricJson;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        if (corpus.site() == null || corpus.stations() == null) {
            throw new SiteException("content/site.json and content/stations.json are required");
        }
        SiteConfig config = corpus.site().value();
        boolean internal = audience == Audience.INTERNAL || config.assessorNotesPublic();
        List<ScoredPeriod> periods = ScoredPeriods.of(corpus, scored);
        Stations stations = new Stations(corpus);
        Map<String, Rubric> rubrics = new LinkedHashMap<>();
        corpus.rubrics().forEach((id, r) -> rubrics.put(id, r.value()));

        Map<String, String> fingerprints = new LinkedHashMap<>();
        corpus.rubrics().forEach((id, r) -> fingerprints.put(id, RubricFingerprint.of(r.source())));

        List<Page> pages = new ArrayList<>();
        pages.add(HomePages.build(config, periods, stations, List.copyOf(rubrics.values())));
        for (ScoredPeriod sp : periods) {
            pages.add(PeriodPages.build(sp, stations, internal));
        }
        for (ScoredPeriod sp : periods) {
            pages.add(ReportPages.build(sp, stations, config.bureau(), config.commonShare()));
        }
        // Station pages are built as they are rendered (PageList): a province's would not fit in memory at once.
        int stationPagesAt = pages.size();
        List<java.util.function.Supplier<Page>> stationPages = new ArrayList<>();
        for (Station s : stations.all()) {
            stationPages.add(() -> StationPages.build(s, periods, stations, internal, fingerprints)
                    .withSelfAssessments(SelfComparison.of(s, periods, corpus)));
        }
        for (Rubric r : rubrics.values()) {
            pages.add(RubricPages.build(r, rubrics, periods, internal));
        }
        java.util.Map<String, String> titles = new java.util.TreeMap<>();
        rubrics.values().forEach(r -> titles.put(r.id(), r.title()));
        // Each rubric file's tree as written, read once for its form and its download (neither changes it).
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        corpus.rubrics().forEach((id, r) -> trees.put(id, RubricJson.read(r.source(), audience)));
        corpus.rubrics().forEach((id, r) -> pages.add(SelfCheckPages.build(r.value(), trees.get(id),
                fingerprints.get(id), titles)));
        pages.add(MethodologyPages.build(periods, fingerprint, internal, config.stampBuildTime(), config.publishedOn()));
        pages.add(new NotFoundPage(new Link("返回首页", "index.html")));

        Map<String, JsonNode> exports = new TreeMap<>();
        trees.forEach((id, tree) -> exports.put(Slug.of(id, "rubric"), audience == Audience.INTERNAL
                ? tree : RubricJson.publicView(tree)));
        String builtAt = config.stampBuildTime()
                ? ZonedDateTime.now(clock.withZone(ZONE)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                : "";
        return new SiteModel(config, fingerprint, builtAt, PageList.of(pages, stationPagesAt, stationPages), exports,
                audience == Audience.INTERNAL);
    }
}
