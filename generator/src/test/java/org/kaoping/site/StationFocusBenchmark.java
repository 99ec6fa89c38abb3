package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.Corpus;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.Standing;
import org.kaoping.sample.SampleContent;
import org.kaoping.support.Shipped;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a station page's lead costs: {@link StationFocus#of} (lost items, the gain of each by re-scoring, the
 * fewest that pass the place above) for every station of a synthetic period, per station.
 * Thread CPU time, so a busy (shared) machine changes little; wall time alongside.
 * <p>A benchmark, not a test: its name keeps it out of the default run. Run it with
 * {@code mvn -q -B test -Dtest=StationFocusBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StationFocusBenchmark {
    @TempDir
    Path temp;

    @Test
    void measure() throws Exception {
        int n = 2000;
        new SampleContent(Shipped.rubric("lushan-2022"), new SampleContent.Options(n, 1, 1)).write(temp);
        Corpus corpus = Shipped.load(temp, Shipped.RUBRICS);
        ScoredPeriod sp = ScoredPeriods.of(corpus).get(0);
        Stations stations = new Stations(corpus);
        List<Station> all = corpus.names().all();
        List<Sheet> sheets = all.stream().map(st -> sp.sheets().get(st.id()).withAttributes(st.attributes())
                .withTargets(sp.period().targetsOf(st.id()))).toList();
        List<Standing> standings = all.stream().map(st -> sp.standing(st.id()).orElseThrow()).toList();
        Runnable batch = () -> {
            for (int i = 0; i < all.size(); i++) {
                StationFocus.of(sp, standings.get(i), sheets.get(i), stations, true);
            }
        };
        for (int i = 0; i < 5; i++) {
            batch.run(); // warm-up
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] micros = new double[10];
        double[] wall = new double[micros.length];
        for (int r = 0; r < micros.length; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            batch.run();
            wall[r] = (System.nanoTime() - t0) / 1000.0 / all.size();
            micros[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1000.0 / all.size();
        }
        Arrays.sort(micros);
        Arrays.sort(wall);
        long lost = all.stream().mapToLong(st -> Recovery.lostItems(sp.rubric(), sp.standing(st.id()).orElseThrow()
                .breakdown()).size()).sum();
        System.out.printf("StationFocus.of, %d stations of a synthetic lushan-2022 period (%.1f lost items each): "
                + "median %.0f µs CPU per station (min %.0f, max %.0f over %d runs; wall median %.0f µs)%n", all.size(),
                lost / (double) all.size(), micros[micros.length / 2], micros[0], micros[micros.length - 1], micros.length,
                wall[wall.length / 2]);
    }
}
