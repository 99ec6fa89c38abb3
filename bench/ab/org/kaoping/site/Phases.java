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
    private static List<Page> reportPages;
    private static org.kaoping.render.Pages pages;
    private static List<Object[]> sheets;
    private static final org.kaoping.score.SheetScorer SCORER = new org.kaoping.score.SheetScorer();
    private static long sink;

    private Phases() {
    }

    /**
     * Loads the content and builds what the phase needs: pages, files (a station's .csv), drafts, scoring or
     * workbooks (a period's .xlsx as a province build writes it, {@code TableXlsx.writeLong}).
     */
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
        if (phase.equals("pages") || phase.equals("files") || phase.equals("workbooks")) {
            SiteModel model = SiteModelBuilder.build(corpus, new Fingerprint("0".repeat(64)),
                    java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC),
                    org.kaoping.load.Audience.PUBLIC);
            pages = new org.kaoping.render.Pages(Path.of("site-theme/templates"), model);
            stationPages = model.pages().stream().filter(p -> p instanceof StationPage).toList();
            reportPages = model.pages().stream().filter(p -> p instanceof ReportPage).toList();
        }
    }

    /**
     * Runs items [from, to) of the phase (station pages, station files, periods' drafts, sheets, periods' workbooks);
     * returns the thread's CPU time in nanoseconds. Wall time on this shared machine spread the ratio of a chunk pair
     * by about a tenth either way, the thread's CPU time by about 2 % (BENCHMARKS.md, twenty-sixth round).
     */
    public static long chunk(int from, int to) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = mx.getCurrentThreadCpuTime();
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
                case "workbooks" -> {
                    ReportPage r = (ReportPage) reportPages.get(i % reportPages.size());
                    long[] n = new long[1];
                    try {
                        org.kaoping.render.TableXlsx.writeLong(r.report().heading(), r.rows(), new java.io.OutputStream() {
                            @Override public void write(int b) { n[0]++; }
                            @Override public void write(byte[] b, int o, int l) { n[0] += l; }
                        });
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    sink += n[0];
                }
                default -> throw new IllegalArgumentException("no phase " + what);
            }
        }
        return mx.getCurrentThreadCpuTime() - t;
    }
}
