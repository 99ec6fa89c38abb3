package org.kaoping.parity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kaoping.model.Rubric;
import org.kaoping.support.Shipped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;


/**
 * How long the browser takes to recompute one breakdown on the largest rubric (the self-check form
 * rescores on every input), and how large the script is. Measured inside the page with
 * performance.now(); Chromium coarsens that clock (about 0.1 ms without cross-origin isolation), so
 * besides the median of single calls the mean over blocks of 50 calls is reported too.
 * <p>A benchmark, not a test: its name keeps it out of the default run. Run it with
 * {@code mvn -q -B test -Dtest=ScoreSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScoreSpeedBenchmark {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("one breakdown on the largest rubric: median over 1,000 calls in Chromium; script size")
    void measure() throws IOException {
        List<Rubric> all = new ArrayList<>(Shipped.allRubrics().values());
        Rubric largest = all.stream().max(Comparator.comparingInt(ScoreSpeedBenchmark::size)).orElseThrow();
        String text = Files.readString(Shipped.rubricFile(largest.id()));
        browser.loadRubric(largest.id(), text);
        SheetGenerator gen = new SheetGenerator(largest, new SplittableRandom(Parity.baseSeed()));
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sheets.add(Parity.text(gen.valid(i)));
        }
        String result = (String) browser.eval("""
                var rubricText = arguments[0], rubric = parity.rubrics[arguments[1]];
                var sheets = JSON.parse(arguments[2]);
                function median(xs) { xs = xs.slice().sort(function (a, b) { return a - b; });
                  return (xs[(xs.length - 1) >> 1] + xs[xs.length >> 1]) / 2; }
                for (var w = 0; w < 300; w++) { Kaoping.score(rubric, sheets[w % sheets.length]); }
                var single = [];
                for (var i = 0; i < sheets.length; i++) {
                  var t0 = performance.now(); Kaoping.score(rubric, sheets[i]); single.push(performance.now() - t0);
                }
                var blocks = [];
                for (var b = 0; b < 20; b++) {
                  var t1 = performance.now();
                  for (var k = 0; k < 50; k++) { Kaoping.score(rubric, sheets[b * 50 + k]); }
                  blocks.push((performance.now() - t1) / 50);
                }
                var cold = [];
                for (var c = 0; c < 200; c++) {
                  var fresh = JSON.parse(rubricText);
                  var t2 = performance.now(); Kaoping.score(fresh, sheets[c]); cold.push(performance.now() - t2);
                }
                var parse = [];
                for (var p = 0; p < 200; p++) {
                  var t3 = performance.now(); JSON.parse(rubricText); parse.push(performance.now() - t3);
                }
                return JSON.stringify({ median: median(single), blockMedian: median(blocks), coldMedian: median(cold),
                  parseMedian: median(parse), max: Math.max.apply(null, single) });
                """, text, largest.id(), "[" + String.join(",", sheets) + "]");
        JsonNode m = Parity.PLAIN.readTree(result);
        ByteArrayOutputStream scripts = new ByteArrayOutputStream();
        long lines = 0;
        for (Path file : Browser.SCRIPTS) {
            scripts.write(Files.readAllBytes(file));
            lines += Files.readAllLines(file).size();
        }
        byte[] script = scripts.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(script);
        }
        System.out.printf("kaoping-*.js on %s (%d criteria, %d rules, %d characters of JSON): "
                        + "median %.3f ms per breakdown over 1000 calls (max %.1f ms); mean of 50-call blocks, median "
                        + "of 20: %.3f ms; first call on a new rubric object (compile + score): %.3f ms "
                        + "(JSON.parse of the rubric: %.3f ms). Scripts: %d bytes, %d gzipped, %d lines.%n",
                largest.id(), largest.allCriteria().size(), rules(largest), text.length(),
                m.get("median").asDouble(), m.get("max").asDouble(), m.get("blockMedian").asDouble(),
                m.get("coldMedian").asDouble(), m.get("parseMedian").asDouble(), script.length, gz.size(), lines);
        // Figures only: timing thresholds make flaky tests; README records the measured numbers.
    }

    private static int rules(Rubric r) {
        return r.allCriteria().stream().mapToInt(c -> c.rules().size()).sum();
    }

    private static int size(Rubric r) {
        return r.allCriteria().size() + rules(r);
    }
}
