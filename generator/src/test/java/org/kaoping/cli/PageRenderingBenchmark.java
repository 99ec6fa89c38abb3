package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.kaoping.load.Audience;
import org.kaoping.render.Pages;
import org.kaoping.render.TableScripts;
import org.kaoping.site.DataTable;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.Page;
import org.kaoping.site.ReportPage;
import org.kaoping.site.SiteModel;
import org.kaoping.site.SiteModelBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The CPU of the site model and page rendering alone, on one thread: the model built from a checked corpus, every
 * page built (station pages on demand) and rendered to its bytes as `build` does, and each report page's tables (the
 * downloads' input) made — no files written, no downloads encoded. Thread CPU time, so a busy machine changes little.
 * <p>A benchmark, not a test: its name keeps it out of the default run. Content from {@code -Dkaoping.bench.content}
 * (a `kaoping sample` folder, e.g. {@code --stations 2000 --periods 8}), run from the repository root:
 * {@code mvn -q -B test -Dtest=PageRenderingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dkaoping.bench.content=/tmp/c2000}.
 */
class PageRenderingBenchmark {
    /** Also runnable without Maven (java -cp …, e.g. under a profiler), with the same properties. */
    public static void main(String[] args) {
        new PageRenderingBenchmark().measure();
    }

    @Test
    void measure() {
        BenchContent bench = BenchContent.load("PageRenderingBenchmark");
        if (bench == null) {
            return;
        }
        Folders folders = bench.folders();
        CheckCommand.Checked checked = bench.checked();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("kaoping.bench.rounds", 3);
        for (int round = 1; round <= rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            SiteModel model = SiteModelBuilder.build(checked.corpus(), Fingerprint.of(folders.content, folders.rubrics),
                    Clock.systemUTC(), Audience.PUBLIC, checked.standings());
            long t1 = cpu.getCurrentThreadCpuTime();
            Pages pages = new Pages(folders.theme.resolve("templates"), model);
            long bytes = 0;
            long[] byKind = new long[4]; // station, report, period, other
            long[] bytesByKind = new long[4];
            List<Page> all = model.pages();
            for (int i = 0; i < all.size(); i++) {
                long s = cpu.getCurrentThreadCpuTime();
                Page page = all.get(i);
                byte[] html = pages.render(page);
                for (byte[] data : TableScripts.files(page).values()) {
                    bytes += data.length;
                }
                bytes += html.length;
                int k = switch (page.template()) {
                    case "station" -> 0;
                    case "report" -> 1;
                    case "period" -> 2;
                    default -> 3;
                };
                byKind[k] += cpu.getCurrentThreadCpuTime() - s;
                bytesByKind[k] += html.length;
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            long cells = 0;
            for (Page page : all) {
                if (page instanceof ReportPage r) {
                    for (DataTable t : r.tables()) {
                        cells += (long) t.rows().size() * t.header().size();
                    }
                }
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: model %.2f s; pages %.2f s (%d pages, %.1f MB: station %.2f s / %.1f MB, "
                            + "report %.2f s / %.1f MB, period %.2f s / %.1f MB, other %.2f s); report tables %.2f s (%d cells); "
                            + "total %.2f s CPU%n", round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, all.size(), bytes / 1e6,
                    byKind[0] / 1e9, bytesByKind[0] / 1e6, byKind[1] / 1e9, bytesByKind[1] / 1e6, byKind[2] / 1e9,
                    bytesByKind[2] / 1e6, byKind[3] / 1e9, (t3 - t2) / 1e9, cells, (t3 - t0) / 1e9);
        }
        if (!Files.isDirectory(folders.content)) {
            throw new AssertionError("no content " + folders.content);
        }
    }
}
