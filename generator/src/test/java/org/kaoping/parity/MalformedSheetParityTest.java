package org.kaoping.parity;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.kaoping.support.Locks;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Rubric;
import org.kaoping.support.Shipped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed sheets (issue 8, item 10): the browser engine refuses exactly what the Java side refuses
 * when it loads a sheet (sheet schema, binding, SheetScorer), at the same JSON path and with the same
 * code, in Chinese words; and it throws nothing but a ScoreError for any sheet, even one holding
 * values JSON cannot (NaN, undefined, functions, cycles). Replay with -Dkaoping.seed=N.
 */
@Order(8) // among the longest classes: started early (junit-platform.properties)
@ResourceLock(Locks.PARITY_BROWSER)
class MalformedSheetParityTest {
    static final int PER_RUBRIC = 400;

    @RegisterExtension
    static final SharedBrowser page = new SharedBrowser();
    private static Browser browser;
    private static Map<String, Rubric> rubrics;

    @BeforeAll
    static void start() throws IOException {
        // the sample's rubrics and those of the examples (examples/<name>/rubrics/), where there are any
        List<Path> folders = new ArrayList<>(List.of(Shipped.RUBRICS));
        Path examples = Path.of("examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> s = Files.list(examples)) {
                s.map(e -> e.resolve("rubrics")).filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        rubrics = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        for (Path folder : folders) {
            CorpusLoader loader = new CorpusLoader();
            Map<String, Loaded<Rubric>> loaded = loader.loadRubrics(folder);
            assertEquals(List.of(), loader.diagnostics().stream().filter(Diagnostic::isError).toList(), folder.toString());
            loaded.forEach((id, r) -> {
                rubrics.put(id, r.value());
                files.put(id, folder.resolve(id + ".json"));
            });
        }
        assertTrue(rubrics.size() >= 3, "expected the shipped rubrics, found " + rubrics.keySet());
        browser = page.browser;
        for (var e : files.entrySet()) {
            browser.loadRubric(e.getKey(), Files.readString(e.getValue()));
        }
    }

    @TestFactory
    @DisplayName("every rubric: malformed sheets are refused by both engines at the same path with the same code")
    Stream<DynamicTest> malformedSheets() {
        return rubrics.values().stream().map(rubric -> DynamicTest.dynamicTest(rubric.id(), () -> {
            long seed = Parity.baseSeed() ^ rubric.id().hashCode() ^ 0x2545f491L;
            MalformedSheets gen = new MalformedSheets(rubric, new SplittableRandom(seed));
            List<Parity.Case> cases = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < PER_RUBRIC; i++) {
                MalformedSheets.Malformed m = gen.next(i);
                cases.add(new Parity.Case(m.what(), Parity.text(m.sheet()), m.refused()));
                refused += m.refused() ? 1 : 0;
            }
            Parity.Tally t = Parity.compare(browser, rubric.id() + " malformed", rubric, cases, seed, null);
            assertEquals(refused, t.refused(), rubric.id());
            assertEquals(PER_RUBRIC - refused, t.scored(), rubric.id());
            assertTrue(refused >= PER_RUBRIC * 9 / 10, rubric.id() + ": only " + refused + " refusals");
        }));
    }

    /** Values a page can hand the engine that no JSON file holds, at every level of a sheet. */
    private static final String ODD_VALUES = """
            var rubric = parity.rubrics[arguments[0]];
            var K = window.KaopingEngine;
            var crit = rubric.sections[0].criteria[0].id;
            var rule = null;
            rubric.sections.forEach(function (s) { s.criteria.forEach(function (c) {
              if (!rule && c.rules && c.rules.length) { rule = [c.id, c.rules[0].id]; } }); });
            var cyc = {}; cyc.self = cyc;
            var bare = Object.create(null); bare.x = 1;
            var odd = [NaN, Infinity, -Infinity, undefined, function () {}, Symbol('s'), BigInt(7), new Date(0),
              cyc, bare, new Map(), [, 1], [cyc], -0, 1e-7, '', 'x'.repeat(100000)];
            var places = [
              function (v) { return v; },
              function (v) { return { criteria: v }; },
              function (v) { var c = {}; c[crit] = v; return { criteria: c }; },
              function (v) { var c = {}; c[crit] = { score: v }; return { criteria: c }; },
              function (v) { var c = {}; c[crit] = { inputs: v }; return { criteria: c }; },
              function (v) { var c = {}; c[crit] = { notApplicable: v }; return { criteria: c }; },
              function (v) { var c = {}; c[crit] = { reason: v }; return { criteria: c }; },
              function (v) { if (!rule) { return v; } var i = {}; i[rule[1]] = v; var c = {}; c[rule[0]] = { inputs: i };
                return { criteria: c }; },
              function (v) { return { criteria: {}, vetoes: v }; },
              function (v) { return { criteria: {}, vetoes: [v] }; },
              function (v) { return { criteria: {}, attributes: v }; },
              function (v) { return { criteria: {}, attributes: { size: v } }; },
              function (v) { return { criteria: {}, signatures: { members: [v] } }; },
              function (v) { return { criteria: {}, corrections: [v] }; },
              function (v) { return { criteria: {}, station: v }; }];
            var out = { calls: 0, scored: 0, refused: 0, wrong: [] };
            places.forEach(function (place, p) { odd.forEach(function (v, o) {
              out.calls++;
              try {
                Kaoping.score(rubric, place(v));
                out.scored++;
              } catch (e) {
                var ok = e instanceof Kaoping.ScoreError && Object.prototype.hasOwnProperty.call(K.MESSAGES, e.code)
                  && /[\\u4e00-\\u9fff]/.test(e.message) && e.message.length < 400 && typeof e.path === 'string';
                if (ok) { out.refused++; } else if (out.wrong.length < 5) {
                  out.wrong.push('place ' + p + ', value ' + o + ': ' + (e && e.name) + ' ' + (e && e.code) + ' '
                    + String(e && e.message).slice(0, 200));
                }
              }
            }); });
            return JSON.stringify(out);
            """;

    @Test
    @DisplayName("values no JSON holds (NaN, undefined, functions, cycles, 100,000-character text) give a ScoreError in Chinese, never another error")
    void oddValuesOnlyEverGiveAScoreError() throws IOException {
        for (String id : rubrics.keySet()) {
            JsonNode out = Parity.PLAIN.readTree((String) browser.eval(ODD_VALUES, id));
            assertEquals(0, out.get("wrong").size(), id + ": " + out.get("wrong"));
            assertTrue(out.get("refused").asInt() > out.get("calls").asInt() / 2, id + ": " + out);
            assertTrue(out.get("scored").asInt() > 0, id + ": undefined counts as absent, as in JSON: " + out);
        }
    }

    private static Set<String> codes(Pattern p, Path... files) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path f : files) {
            Matcher m = p.matcher(Files.readString(f));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    @DisplayName("every code either engine refuses with has Chinese words in kaoping-messages.js, and no word is unused")
    void everyCodeHasItsWords() throws IOException {
        Path score = Path.of("generator/src/main/java/org/kaoping/score");
        Set<String> java;
        try (Stream<Path> s = Files.list(score)) {
            java = codes(Pattern.compile("new ScoreException\\([^;]*?,\\s*\"(\\w+)\"", Pattern.DOTALL),
                    s.filter(f -> f.toString().endsWith(".java")).toArray(Path[]::new));
        }
        Set<String> js = codes(Pattern.compile("new ScoreError\\([^;]*?,\\s*'(\\w+)'", Pattern.DOTALL),
                Browser.SCRIPTS.toArray(Path[]::new));
        Set<String> words = codes(Pattern.compile("(?m)^ {4}(\\w+): function"),
                Path.of("site-theme/js/kaoping-messages.js"));
        assertTrue(java.size() >= 15, "the Java engine's codes: " + java);
        assertTrue(js.containsAll(java), "codes only Java gives: " + diff(java, js));
        Set<String> schema = new TreeSet<>();
        Parity.SCHEMA_CODES.values().forEach(schema::addAll);
        assertTrue(js.containsAll(schema), "schema codes the browser never gives: " + diff(schema, js));
        assertEquals(js, words, "codes thrown vs codes with words");
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
