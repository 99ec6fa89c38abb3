package org.kaoping.parity;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.kaoping.support.Locks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real rubrics (rubrics/ and examples/&#42;/rubrics/) as they are written, but restyled with every rounding
 * mode, scales 0–4 and a step other than the unit: the shipped ones use only HALF_UP, scale 2 and steps
 * 0.01/0.05. At scales below their numbers' decimals they score off-scale (as `check` would refuse but the
 * engine must still agree). Also the example's real sheets with the period's per-station targets.
 */
@Order(2) // among the longest classes: started early (junit-platform.properties)
@ResourceLock(Locks.PARITY_BROWSER)
class RestyledRubricParityTest {
    static final int SHEETS_PER_STYLE = 25;
    static final String[] ROUNDINGS = SyntheticRubrics.ROUNDINGS;

    @RegisterExtension
    static final SharedBrowser page = new SharedBrowser();
    private static Browser browser;
    private static final Map<String, JsonNode> RUBRICS = new TreeMap<>();

    @BeforeAll
    static void start() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of("rubrics"))) {
            s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().endsWith(".schema.json"))
                    .forEach(files::add);
        }
        try (var s = Files.list(Path.of("examples"))) {
            for (Path ex : s.toList()) {
                Path dir = ex.resolve("rubrics");
                if (Files.isDirectory(dir)) {
                    try (var r = Files.list(dir)) {
                        r.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
                    }
                }
            }
        }
        for (Path f : files) {
            JsonNode tree = Parity.PLAIN.readTree(Files.readString(f));
            RUBRICS.put(tree.get("id").asText(), tree);
        }
        browser = page.browser;
    }

    @TestFactory
    @DisplayName("every real rubric × rounding mode × scale 0–4 × unit or other step scores identically")
    Stream<DynamicTest> restyled() {
        assertTrue(RUBRICS.containsKey("rule-patterns-2026") && RUBRICS.size() >= 4, RUBRICS.keySet().toString());
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, int[]> styles = new TreeMap<>(); // style → {rubrics, sheets scored}
        for (String id : RUBRICS.keySet()) {
            tests.add(DynamicTest.dynamicTest(id, () -> {
                // Every style of the rubric, compared in one go (the page scores them in a few round trips).
                List<Parity.Group> groups = new ArrayList<>();
                List<String> styleNames = new ArrayList<>();
                for (String mode : ROUNDINGS) {
                    for (int scale = 0; scale <= 4; scale++) {
                        for (boolean otherStep : new boolean[]{false, true}) {
                            String styleId = id + "-" + mode.toLowerCase().replace('_', '-') + "-s" + scale
                                    + (otherStep ? "-step" : "");
                            ObjectNode json = RUBRICS.get(id).deepCopy();
                            json.put("id", styleId);
                            json.put("rounding", mode);
                            json.put("scale", scale);
                            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
                            if (otherStep) {
                                json.set("step", SheetGenerator.F.numberNode(unit.multiply(BigDecimal.valueOf(scale == 0 ? 2 : 5))));
                            } else {
                                json.remove("step");
                            }
                            Rubric rubric = SyntheticRubricParityTest.bind(json);
                            long seed = Parity.baseSeed() ^ styleId.hashCode();
                            SheetGenerator gen = new SheetGenerator(rubric, new SplittableRandom(seed));
                            RefusedSheets refused = new RefusedSheets(gen);
                            List<Parity.Case> cases = new ArrayList<>();
                            for (int i = 0; i < SHEETS_PER_STYLE; i++) {
                                cases.add(new Parity.Case("random sheet " + i, Parity.text(gen.valid(i)), false));
                            }
                            for (int i = 0; i < 3; i++) {
                                RefusedSheets.Refused m = refused.next(i);
                                cases.add(new Parity.Case(m.what(), Parity.text(m.sheet()), true));
                            }
                            groups.add(new Parity.Group(styleId, rubric, Parity.text(json), cases, seed));
                            styleNames.add(mode + " scale " + scale + (otherStep ? " other-step" : " unit-step"));
                        }
                    }
                }
                List<Parity.Outcome> outcomes = Parity.compareAll(browser, groups);
                for (int k = 0; k < groups.size(); k++) {
                    String styleId = groups.get(k).label();
                    Parity.Tally t = outcomes.get(k).tallyOrFail();
                    assertEquals(SHEETS_PER_STYLE, t.scored(), styleId);
                    assertEquals(3, t.refused(), styleId);
                    synchronized (styles) {
                        int[] c = styles.computeIfAbsent(styleNames.get(k), x -> new int[2]);
                        c[0]++;
                        c[1] += t.scored();
                    }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("every style ran on every real rubric", () -> {
            StringBuilder report = new StringBuilder("restyled real rubrics: style → rubrics, sheets compared\n");
            styles.forEach((k, v) -> report.append(String.format("  %-28s %3d %5d%n", k, v[0], v[1])));
            System.out.print(report);
            assertEquals(ROUNDINGS.length * 5 * 2, styles.size());
            styles.forEach((k, v) -> assertEquals(RUBRICS.size(), v[0], k));
        }));
        return tests.stream();
    }

    @Test
    @DisplayName("examples/rule-patterns: its three sheets, with the period's per-station targets, score identically")
    void exampleSheets() throws IOException {
        CorpusLoader loader = new CorpusLoader();
        Corpus corpus = loader.load(Path.of("examples/rule-patterns/content"), Path.of("examples/rule-patterns/rubrics"));
        assertEquals(List.of(), loader.diagnostics().stream().filter(Diagnostic::isError).toList());
        Rubric rubric = corpus.rubric("rule-patterns-2026").orElseThrow();
        browser.loadRubric(rubric.id(), Files.readString(Path.of("examples/rule-patterns/rubrics/rule-patterns-2026.json")));
        Period period = corpus.periods().get(0).value();
        List<Parity.Case> cases = new ArrayList<>();
        corpus.sheetsOf(period.id()).forEach((station, loaded) -> {
            ObjectNode tree = loaded.source().tree().deepCopy();
            ObjectNode targets = tree.putObject("targets");
            period.targetsOf(station).forEach((k, v) -> targets.set(k, SheetGenerator.F.numberNode(v)));
            cases.add(new Parity.Case(station, Parity.text(tree), false));
        });
        assertEquals(3, cases.size());
        List<Parity.JavaResult> results = new ArrayList<>();
        assertEquals(3, Parity.compare(browser, "example sheets", rubric, cases, 0, results).scored());
        assertEquals(List.of("40.00", "38.00", "35.87"), results.stream().map(j -> j.breakdown().get("total").asText())
                .sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
