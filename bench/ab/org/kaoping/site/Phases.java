package org.kaoping.site;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One phase of a build, run in chunks by {@code bench/ab/Alternate.java}: compiled against each jar (it reaches the
 * site package's classes), loaded by a class loader of its own per jar. Not part of the jar.
 */
public final class Phases {
    private static String what;
    private static List<ScoredPeriod> periods;
    private static Stations stations;
    private static List<Page> stationPages;
    private static org.kaoping.render.Pages pages;
    private static List<Object[]> sheets;
    private static final org.kaoping.score.SheetScorer SCORER = new org.kaoping.score.SheetScorer();
    private static long sink;

    private Phases() {
    }

    /** Loads the content and builds what the phase needs: pages, files (a station's .csv), drafts or scoring. */
    public static void prepare(String content, String rubrics, String phase) {
        what = phase;
        var corpus = new org.kaoping.load.CorpusLoader().load(Path.of(content), Path.of(rubrics));
        periods = ScoredPeriods.of(corpus);
        stations = new Stations(corpus);
        if (phase.equals("scoring")) {
            sheets = new ArrayList<>();
            for (var period : corpus.sheets().values()) {
                for (var loaded : period.values()) {
                    sheets.add(new Object[]{corpus.rubric(loaded.value().rubric()).orElseThrow(), loaded.value()});
                }
            }
        }
        if (phase.equals("pages") || phase.equals("files")) {
            SiteModel model = SiteModelBuilder.build(corpus, new Fingerprint("0".repeat(64)),
                    java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC),
                    org.kaoping.load.Audience.PUBLIC);
            pages = new org.kaoping.render.Pages(Path.of("site-theme/templates"), model);
            stationPages = model.pages().stream().filter(p -> p instanceof StationPage).toList();
        }
    }

    /** Runs items [from, to) of the phase (station pages, station files, periods' drafts, sheets); nanoseconds. */
    public static long chunk(int from, int to) {
        long t = System.nanoTime();
        for (int i = from; i < to; i++) {
            switch (what) {
                case "pages" -> sink += pages.render(stationPages.get(i % stationPages.size())).length;
                case "files" -> {
                    for (byte[] b : org.kaoping.render.StationDownloads.files(stationPages.get(i % stationPages.size())).values()) {
                        sink += b.length;
                    }
                }
                case "drafts" -> sink += ReportDrafts.build(periods.get(i % periods.size()), stations, "某县司法局",
                        new BigDecimal("0.3")).stations().size();
                case "scoring" -> {
                    Object[] s = sheets.get(i % sheets.size());
                    sink += SCORER.score((org.kaoping.model.Rubric) s[0], (org.kaoping.model.Sheet) s[1]).sections().size();
                }
                default -> throw new IllegalArgumentException("no phase " + what);
            }
        }
        return System.nanoTime() - t;
    }
}
