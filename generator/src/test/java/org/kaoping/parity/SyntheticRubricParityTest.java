package org.kaoping.parity;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.kaoping.support.Locks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Rubric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shipped rubrics use only some rule kinds and one rounding mode, so random rubrics fill the
 * grid: every rule kind × every rounding mode × scales 0–4 × on-scale and finer rates × the unit step or
 * another × one sheet or category sheets (each with its own capped penalty section), every rubric with
 * capped and uncapped bonus and penalty sections. Two closing tests print the coverage and fail if any
 * combination went unexercised. Plus the decimal arithmetic itself (divide, setScale) against
 * java.math.BigDecimal in all six modes.
 */
@Order(4) // among the longest classes: started early (junit-platform.properties)
@ResourceLock(Locks.PARITY_BROWSER)
class SyntheticRubricParityTest {
    static final int VALID_PER_RUBRIC = 60;
    static final int INVALID_PER_RUBRIC = 15;

    @RegisterExtension
    static final SharedBrowser page = new SharedBrowser();
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = page.browser;
    }

    @TestFactory
    @DisplayName("random rubrics: every rule kind × rounding mode × scale × step × category sheets, valid and invalid sheets")
    Stream<DynamicTest> syntheticRubrics() {
        long base = Parity.baseSeed();
        Map<String, int[]> grid = new TreeMap<>(); // "kind/MODE" → {fired, silent}
        Map<String, int[]> combos = new TreeMap<>(); // "MODE s<scale> <step> <sheets>" → {sheets, bonus caps, penalty caps, sheet penalties}
        List<DynamicTest> tests = new ArrayList<>();
        // The 40 rubrics of a rounding mode are compared together, when the mode's first test runs (the page scores
        // them in a few round trips, not two per rubric); each test then judges its own rubric's outcome.
        Map<String, Block> blocks = new java.util.HashMap<>();
        for (String mode : SyntheticRubrics.ROUNDINGS) {
            for (int scale = 0; scale <= 4; scale++) {
                for (int variant = 0; variant < 8; variant++) {
                    String id = id(mode, scale, variant);
                    String combo = combo(mode, scale, (variant & 2) != 0, (variant & 4) != 0);
                    tests.add(DynamicTest.dynamicTest(id, () -> {
                        Block block = blocks.computeIfAbsent(mode, m -> Block.of(base, m));
                        if (block.failure() != null) {
                            throw new AssertionError("comparing the " + mode + " rubrics failed: " + block.failure(),
                                    block.failure());
                        }
                        Synthetic syn = block.byId().get(id);
                        Rubric rubric = syn.rubric();
                        List<Parity.JavaResult> java;
                        try {
                            Parity.Tally t = syn.outcome().tallyOrFail();
                            java = syn.outcome().java();
                            assertEquals(VALID_PER_RUBRIC, t.scored());
                            assertEquals(INVALID_PER_RUBRIC, t.refused());
                        } catch (AssertionError e) {
                            throw new AssertionError(e.getMessage() + "\nrubric: " + Parity.text(syn.json()), e);
                        }
                        Coverage cov = Coverage.of(rubric, java);
                        cov.kinds.forEach((k, c) -> {
                            int[] g = grid.computeIfAbsent(k + "/" + mode, x -> new int[2]);
                            g[0] += c[1];
                            g[1] += c[2];
                        });
                        int[] tally = combos.computeIfAbsent(combo, x -> new int[4]);
                        int[] here = Coverage.sections(rubric, java);
                        for (int k = 0; k < 4; k++) {
                            tally[k] += here[k];
                        }
                    }));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("every rule kind fired and stayed silent under every rounding mode", () -> {
            List<String> missing = new ArrayList<>();
            for (String k : SyntheticRubrics.KINDS) {
                for (String m : SyntheticRubrics.ROUNDINGS) {
                    int[] g = grid.getOrDefault(k + "/" + m, new int[2]);
                    if (g[0] == 0 || g[1] == 0) {
                        missing.add(k + "/" + m + " fired " + g[0] + " silent " + g[1]);
                    }
                }
            }
            StringBuilder report = new StringBuilder("rule kind × rounding mode: fired / silent outcomes\n");
            for (String k : SyntheticRubrics.KINDS) {
                report.append(String.format("  %-18s", k));
                for (String m : SyntheticRubrics.ROUNDINGS) {
                    int[] g = grid.getOrDefault(k + "/" + m, new int[2]);
                    report.append(String.format(" %s %5d/%-5d", m, g[0], g[1]));
                }
                report.append('\n');
            }
            System.out.print(report);
            assertEquals(List.of(), missing);
        }));
        tests.add(DynamicTest.dynamicTest("every rounding mode × scale 0–4 × step × category sheets: sheets scored, "
                + "bonus and penalty caps reached, penalty sections inside category sheets deducting", () -> {
            List<String> missing = new ArrayList<>();
            StringBuilder report = new StringBuilder("combination: sheets scored, bonus caps reached, penalty caps reached,"
                    + " penalties inside a category sheet\n");
            for (String mode : SyntheticRubrics.ROUNDINGS) {
                for (int scale = 0; scale <= 4; scale++) {
                    for (boolean otherStep : new boolean[]{false, true}) {
                        for (boolean sheets : new boolean[]{false, true}) {
                            String combo = combo(mode, scale, otherStep, sheets);
                            int[] t = combos.getOrDefault(combo, new int[4]);
                            report.append(String.format("  %-34s %4d %4d %4d %4d%n", combo, t[0], t[1], t[2], t[3]));
                            if (t[0] == 0 || t[1] == 0 || t[2] == 0 || (sheets && t[3] == 0)) {
                                missing.add(combo + " " + java.util.Arrays.toString(t));
                            }
                        }
                    }
                }
            }
            System.out.print(report);
            assertEquals(120, combos.size(), "6 modes × 5 scales × 2 steps × 2 sheet layouts");
            assertEquals(List.of(), missing);
        }));
        return tests.stream();
    }

    /** A random rubric as compared: its JSON and binding, and the comparison's outcome. */
    private record Synthetic(ObjectNode json, Rubric rubric, Parity.Outcome outcome) {
    }

    /** A mode's rubrics by id, or why they could not be compared (kept, so the mode's other tests fail at once). */
    private record Block(Map<String, Synthetic> byId, Throwable failure) {
        static Block of(long base, String mode) {
            try {
                return new Block(compareMode(base, mode), null);
            } catch (RuntimeException | AssertionError e) {
                return new Block(null, e);
            }
        }
    }

    private static String id(String mode, int scale, int variant) {
        return "syn-" + mode.toLowerCase().replace('_', '-') + "-s" + scale + ((variant & 1) != 0 ? "-fine" : "")
                + ((variant & 2) != 0 ? "-step" : "") + ((variant & 4) != 0 ? "-sheets" : "");
    }

    /**
     * The mode's 40 random rubrics (scales 0–4 × fine rates × other step × category sheets), each from its own
     * seed with its valid and invalid sheets, compared in one go; by id.
     */
    private static Map<String, Synthetic> compareMode(long base, String mode) {
        List<Parity.Group> groups = new ArrayList<>();
        List<ObjectNode> jsons = new ArrayList<>();
        for (int scale = 0; scale <= 4; scale++) {
            for (int variant = 0; variant < 8; variant++) {
                String id = id(mode, scale, variant);
                long seed = base ^ id.hashCode();
                SplittableRandom rnd = new SplittableRandom(seed);
                ObjectNode json = SyntheticRubrics.rubric(rnd, id, scale, mode, (variant & 1) != 0, (variant & 2) != 0,
                        (variant & 4) != 0);
                Rubric rubric = bind(json);
                SheetGenerator gen = new SheetGenerator(rubric, rnd);
                RefusedSheets refused = new RefusedSheets(gen);
                List<Parity.Case> cases = new ArrayList<>();
                for (int i = 0; i < VALID_PER_RUBRIC; i++) {
                    cases.add(new Parity.Case("random sheet " + i, Parity.text(gen.valid(i)), false));
                }
                for (int i = 0; i < INVALID_PER_RUBRIC; i++) {
                    RefusedSheets.Refused m = refused.next(i);
                    cases.add(new Parity.Case(m.what(), Parity.text(m.sheet()), true));
                }
                groups.add(new Parity.Group(id, rubric, Parity.text(json), cases, seed));
                jsons.add(json);
            }
        }
        List<Parity.Outcome> outcomes = Parity.compareAll(browser, groups);
        Map<String, Synthetic> out = new java.util.HashMap<>();
        for (int k = 0; k < groups.size(); k++) {
            out.put(groups.get(k).label(), new Synthetic(jsons.get(k), groups.get(k).rubric(), outcomes.get(k)));
        }
        return out;
    }

    private static String combo(String mode, int scale, boolean otherStep, boolean sheets) {
        return mode + " scale " + scale + (otherStep ? " other-step" : " unit-step") + (sheets ? " category-sheets" : " one-sheet");
    }

    static Rubric bind(ObjectNode json) {
        try {
            return StrictJson.mapper().treeToValue(StrictJson.mapper().readTree(Parity.text(json)), Rubric.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("synthetic rubric does not bind: " + e.getOriginalMessage() + "\n" + json, e);
        }
    }

    @Test
    @DisplayName("BigDecimal.divide(b, scale, mode) and setScale(scale, mode), all six modes, signed, with ties")
    void exactArithmetic() throws JsonProcessingException {
        long seed = Parity.baseSeed() ^ 0x9e3779b9L;
        SplittableRandom rnd = new SplittableRandom(seed);
        ArrayNode ops = SheetGenerator.F.arrayNode();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            String mode = SyntheticRubrics.ROUNDINGS[i % 6];
            RoundingMode rm = RoundingMode.valueOf(mode);
            int scale = rnd.nextInt(5);
            BigDecimal a = randomDecimal(rnd, 8);
            if (i % 2 == 0) {
                BigDecimal b = randomDecimal(rnd, 6);
                if (b.signum() == 0) {
                    b = BigDecimal.ONE;
                }
                if (rnd.nextInt(4) == 0) {
                    // an exact tie: a / b = (k + ½) units of the last place
                    a = b.multiply(new BigDecimal(rnd.nextInt(-2000, 2000)).add(new BigDecimal("0.5")))
                            .movePointLeft(scale);
                }
                ops.addArray().add("divide").add(a.toPlainString()).add(b.toPlainString()).add(scale).add(mode);
                expected.add(a.divide(b, scale, rm).toPlainString());
            } else {
                if (rnd.nextInt(4) == 0) {
                    a = new BigDecimal(rnd.nextInt(-20000, 20000)).add(new BigDecimal("0.5")).movePointLeft(scale);
                }
                ops.addArray().add("setScale").add(a.toPlainString()).add(scale).add(mode);
                expected.add(a.setScale(scale, rm).toPlainString());
            }
        }
        String out = (String) browser.eval("""
                var ops = JSON.parse(arguments[0]);
                return JSON.stringify(ops.map(function (o) {
                  return o[0] === 'divide' ? Kaoping.exact.divide(o[1], o[2], o[3], o[4])
                                           : Kaoping.exact.setScale(o[1], o[2], o[3]);
                }));""", Parity.text(ops));
        JsonNode got = Parity.PLAIN.readTree(out);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(got.get(i).asText()) && wrong.size() < 10) {
                wrong.add(ops.get(i) + " → Java " + expected.get(i) + ", JS " + got.get(i).asText());
            }
        }
        if (!wrong.isEmpty()) {
            fail("seed " + seed + ":\n" + String.join("\n", wrong));
        }
        assertTrue(expected.size() == got.size());
    }

    private static BigDecimal randomDecimal(SplittableRandom rnd, int maxScale) {
        BigInteger u = BigInteger.valueOf(rnd.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
        if (rnd.nextInt(5) == 0) {
            u = BigInteger.valueOf(rnd.nextInt(-20, 21));
        }
        return new BigDecimal(u, rnd.nextInt(maxScale + 1));
    }
}
