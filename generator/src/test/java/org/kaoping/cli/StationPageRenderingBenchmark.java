package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.kaoping.load.Audience;
import org.kaoping.render.Pages;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.Page;
import org.kaoping.site.SiteModel;
import org.kaoping.site.SiteModelBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU of rendering station pages alone, on one thread: the pages built once and held, then each rendered to its
 * bytes as `build` does, round after round: thread CPU time, and the bytes the thread allocated (the same on a busy
 * machine, where CPU time still varies with what shares the cores).
 * <p>A benchmark, not a test: its name keeps it out of the default run. Run from the repository root with
 * {@code -Dkaoping.bench.content=<a kaoping sample folder>}, optionally {@code -Dkaoping.bench.pages=500} and
 * {@code -Dkaoping.bench.rounds=10}; also runnable as a main class (java -cp …, e.g. under a profiler).
 */
class StationPageRenderingBenchmark {
    public static void main(String[] args) {
        new StationPageRenderingBenchmark().measure();
    }

    @Test
    void measure() {
        BenchContent bench = BenchContent.load("StationPageRenderingBenchmark");
        if (bench == null) {
            return;
        }
        Folders folders = bench.folders();
        CheckCommand.Checked checked = bench.checked();
        SiteModel model = SiteModelBuilder.build(checked.corpus(), Fingerprint.of(folders.content, folders.rubrics),
                Clock.systemUTC(), Audience.PUBLIC, checked.standings());
        int wanted = Integer.getInteger("kaoping.bench.pages", 500);
        List<Page> stations = new ArrayList<>();
        for (Page page : model.pages()) {
            if (page.template().equals("station") && stations.size() < wanted) {
                stations.add(page);
            }
        }
        Pages pages = new Pages(folders.theme.resolve("templates"), model);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("kaoping.bench.rounds", 10);
        for (int round = 1; round <= rounds; round++) {
            long bytes = 0;
            long sum = 0;
            long a0 = allocated(cpu);
            long t0 = cpu.getCurrentThreadCpuTime();
            for (Page page : stations) {
                byte[] html = pages.render(page);
                bytes += html.length;
                sum += html[html.length / 2];
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long a1 = allocated(cpu);
            System.out.printf("round %d: %d station pages rendered in %.3f s CPU (%.1f µs a page, %.1f KB allocated a page, "
                            + "%.1f MB, check %d)%n", round, stations.size(), (t1 - t0) / 1e9, (t1 - t0) / 1e3 / stations.size(),
                    (a1 - a0) / 1024.0 / stations.size(), bytes / 1e6, sum);
        }
    }

    /** This thread's allocation so far: unlike its CPU time, the same however busy the machine is. */
    private static long allocated(ThreadMXBean cpu) {
        return ((com.sun.management.ThreadMXBean) cpu).getCurrentThreadAllocatedBytes();
    }
}
