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
import org.kaoping.load.Loaded;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.support.Shipped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * site-theme/js/kaoping-score.js in headless Chromium against the Java SheetScorer, on every rubric
 * in rubrics/ and examples/NAME/rubrics/: random edge-biased sheets, sheets with one deliberate error, and the real sheets in
 * content/sheets/. Replay a failure with -Dkaoping.seed=N (the message prints N).
 */
@Order(6) // among the longest classes: started early (junit-platform.properties)
@ResourceLock(Locks.PARITY_BROWSER)
class ShippedRubricParityTest {
    static final int VALID_PER_RUBRIC = 1100;
    static final int INVALID_PER_RUBRIC = 150;

    @RegisterExtension
    static final SharedBrowser page = new SharedBrowser();
    private static Browser browser;
    private static Map<String, Rubric> rubrics;

    @BeforeAll
    static void start() throws IOException {
        rubrics = new TreeMap<>(Shipped.allRubrics());
        browser = page.browser;
        for (String id : rubrics.keySet()) {
            browser.loadRubric(id, Files.readString(Shipped.rubricFile(id)));
        }
    }

    @TestFactory
    @DisplayName("every rubric: ≥ 1,000 random edge-biased sheets score identically in Java and in Chromium")
    Stream<DynamicTest> randomSheets() {
        assertTrue(rubrics.size() >= 6, "expected the shipped rubrics, found " + rubrics.keySet());
        return rubrics.values().stream().map(rubric -> DynamicTest.dynamicTest(rubric.id(), () -> {
            long seed = Parity.baseSeed() ^ rubric.id().hashCode();
            SheetGenerator gen = new SheetGenerator(rubric, new SplittableRandom(seed));
            List<Parity.Case> cases = new ArrayList<>();
            for (int i = 0; i < VALID_PER_RUBRIC; i++) {
                cases.add(new Parity.Case("random sheet " + i, Parity.text(gen.valid(i)), false));
            }
            List<Parity.JavaResult> java = new ArrayList<>();
            Parity.Tally t = Parity.compare(browser, rubric.id(), rubric, cases, seed, java);
            assertTrue(t.scored() >= 1000, rubric.id() + ": only " + t.scored() + " sheets compared");
            Coverage cov = Coverage.of(rubric, java);
            if (Boolean.getBoolean("kaoping.parity.verbose")) {
                System.out.println(rubric.id() + ": " + cov);
            }
            cov.requireRuleKindsExercised(rubric);
        }));
    }

    @TestFactory
    @DisplayName("every rubric: sheets with one error are refused by both, at the same JSON path")
    Stream<DynamicTest> invalidSheets() {
        return rubrics.values().stream().map(rubric -> DynamicTest.dynamicTest(rubric.id(), () -> {
            long seed = Parity.baseSeed() ^ rubric.id().hashCode() ^ 0x5bd1e995L;
            SheetGenerator gen = new SheetGenerator(rubric, new SplittableRandom(seed));
            RefusedSheets refused = new RefusedSheets(gen);
            List<Parity.Case> cases = new ArrayList<>();
            for (int i = 0; i < INVALID_PER_RUBRIC; i++) {
                RefusedSheets.Refused m = refused.next(i);
                cases.add(new Parity.Case(m.what(), Parity.text(m.sheet()), true));
            }
            Parity.Tally t = Parity.compare(browser, rubric.id(), rubric, cases, seed, null);
            assertEquals(INVALID_PER_RUBRIC, t.refused());
        }));
    }

    @Test
    @DisplayName("the real sheets in content/sheets/ (with their stations' attributes) score identically")
    void realSheets() {
        var corpus = Shipped.corpus();
        Map<String, Station> stations = new HashMap<>();
        corpus.stations().value().stations().forEach(s -> stations.put(s.id(), s));
        Map<String, List<Parity.Case>> byRubric = new TreeMap<>();
        int n = 0;
        for (var period : corpus.sheets().entrySet()) {
            for (var e : period.getValue().entrySet()) {
                Loaded<Sheet> loaded = e.getValue();
                ObjectNode tree = loaded.source().tree().deepCopy();
                Station st = stations.get(loaded.value().station());
                if (st != null) {
                    // as the engine is called (PeriodScorer, SheetCheck): the sheet's own attributes win
                    ObjectNode attrs = SheetGenerator.F.objectNode();
                    st.attributes().forEach(attrs::put);
                    JsonNode own = tree.get("attributes");
                    if (own != null) {
                        attrs.setAll((ObjectNode) own);
                    }
                    tree.set("attributes", attrs);
                }
                byRubric.computeIfAbsent(loaded.value().rubric(), k -> new ArrayList<>())
                        .add(new Parity.Case(period.getKey() + "/" + e.getKey(), Parity.text(tree), false));
                n++;
            }
        }
        int scored = 0;
        for (var e : byRubric.entrySet()) {
            Rubric rubric = rubrics.get(e.getKey());
            scored += Parity.compare(browser, "content sheets", rubric, e.getValue(), 0, null).scored();
        }
        assertTrue(n >= 11, "expected the shipped sheets, found " + n);
        assertEquals(n, scored);
    }
}
