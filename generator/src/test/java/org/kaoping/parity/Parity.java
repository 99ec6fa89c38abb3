package org.kaoping.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.QuickSheetCheck;
import org.kaoping.load.SchemaCheck;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.score.Breakdown;
import org.kaoping.score.BreakdownJson;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/** Scores the same sheets in Java and in the browser and compares the breakdowns digit for digit. */
final class Parity {
    static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SheetScorer SCORER = new SheetScorer();

    /** One sheet to compare. {@code expectError}: the sheet carries a deliberate error (described by {@code what}). */
    record Case(String what, String sheetJson, boolean expectError) {
    }

    /**
     * What Java made of one sheet, loaded as `kaoping score` loads it (sheet schema, then binding, then
     * SheetScorer): a breakdown, or its refusals — every schema finding, or the one ScoreException.
     */
    record JavaResult(Breakdown raw, int scale, String hash, List<Refusal> refusals) {
        /**
         * The breakdown as JSON (BreakdownJson), made again when asked for: a result keeps only the hash of its
         * text, which is what is compared first, so that a run's thousands of results are not thousands of trees.
         */
        ObjectNode breakdown() {
            return raw == null ? null : BreakdownJson.toTree(raw, scale);
        }

        String errorPath() {
            return refusals.isEmpty() ? null : refusals.get(0).path();
        }

        String errorMessage() {
            return refusals.isEmpty() ? null : String.join("; ", refusals.stream().map(Refusal::message).toList());
        }

        /** Whether the browser's refusal (path, code) is one of Java's. */
        boolean refusedAs(String path, String code) {
            return refusals.stream().anyMatch(r -> r.path().equals(path) && r.codes().contains(code));
        }
    }

    /** One refusal at a JSON path; the browser codes it may carry (a schema keyword allows a few). */
    record Refusal(String path, Set<String> codes, String message) {
    }

    /** The browser engine's codes (kaoping-sheet.js) for what each sheet-schema keyword refuses. */
    static final Map<String, Set<String>> SCHEMA_CODES = Map.of(
            "type", Set.of("wrongType"),
            "additionalProperties", Set.of("unknownKey"),
            "required", Set.of("missingKey"),
            "pattern", Set.of("badFormat"),
            "propertyNames", Set.of("badFormat"),
            "const", Set.of("mustBeTrue"),
            "minLength", Set.of("emptyText"),
            // score, inputs and notApplicable together (SheetScorer gives these two codes too)
            "oneOf", Set.of("scoreAndInputs", "notApplicableButScored"),
            "not", Set.of("scoreAndInputs", "notApplicableButScored"));

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** Counts of one comparison run. */
    record Tally(int scored, int refused) {
    }

    private Parity() {
    }

    static String text(JsonNode n) {
        try {
            return PLAIN.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(JsonNode n) {
        try {
            return PRETTY.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JavaResult java(Rubric rubric, String sheetJson) {
        Sheet sheet;
        try {
            JsonNode tree = StrictJson.mapper().readTree(sheetJson);
            // As SchemaCheck.check does it, SheetShape first: the validator (a third of this JVM's time here)
            // only for a sheet SheetShape cannot prove valid. Not QuickSchema, check's second quick answer: it
            // accepts a pattern-checked text ending in a line break ("a\n") that the validator refuses.
            boolean quick = QuickSheetCheck.certainlyValid(tree);
            List<SchemaCheck.Finding> findings = quick ? List.of() : SchemaCheck.instance().findings(tree, SchemaCheck.SHEET);
            if (!findings.isEmpty()) {
                List<Refusal> refusals = new ArrayList<>();
                for (SchemaCheck.Finding f : findings) {
                    Set<String> codes = SCHEMA_CODES.get(f.keyword());
                    if (codes == null) {
                        throw new AssertionError("the sheet schema refuses with keyword \"" + f.keyword()
                                + "\", which has no browser code in Parity.SCHEMA_CODES (kaoping-sheet.js): " + f);
                    }
                    refusals.add(new Refusal(f.path(), codes, f.path() + ": " + f.message()));
                }
                return new JavaResult(null, 0, null, refusals);
            }
            sheet = StrictJson.mapper().treeToValue(tree, Sheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generated sheet does not bind: " + e.getOriginalMessage() + "\n" + sheetJson, e);
        }
        try {
            Breakdown b = SCORER.score(rubric, sheet);
            return new JavaResult(b, rubric.scale(), Browser.hash(text(BreakdownJson.toTree(b, rubric.scale()))), List.of());
        } catch (ScoreException e) {
            if (e.code() == null) {
                throw new AssertionError("a ScoreException without a code: " + e.getMessage());
            }
            return new JavaResult(null, 0, null, List.of(new Refusal(e.path(), Set.of(e.code()), e.getMessage())));
        } catch (RuntimeException e) {
            throw new AssertionError("the Java engine failed on this sheet with " + e + "\nsheet: " + sheetJson, e);
        }
    }

    /**
     * One rubric's cases to compare: {@code label} and {@code seed} name them in a failure; {@code rubricJson},
     * when not null, is the rubric as the page gets it, loaded there with the cases.
     */
    record Group(String label, Rubric rubric, String rubricJson, List<Case> cases, long seed) {
    }

    /** A group's comparison: its tally and Java results, or what went wrong (the first cases that differ). */
    record Outcome(Tally tally, List<JavaResult> java, String failure) {
        /** The tally, after failing with the differences if there are any. */
        Tally tallyOrFail() {
            if (failure != null) {
                fail(failure);
            }
            return tally;
        }
    }

    /**
     * Scores every case in Java and in the page and fails, naming the seed, the sheet and both
     * breakdowns, unless they agree to the last digit (or both refuse the sheet at the same path, with
     * the same code, the browser in Chinese).
     */
    static Tally compare(Browser browser, String label, Rubric rubric, List<Case> cases, long seed,
                         List<JavaResult> javaOut) {
        Outcome o = compareAll(browser, List.of(new Group(label, rubric, null, cases, seed))).get(0);
        Tally t = o.tallyOrFail();
        if (javaOut != null) {
            javaOut.addAll(o.java());
        }
        return t;
    }

    /**
     * {@link #compare} for many rubrics at once, an outcome per group in order: the page scores them in as few
     * round trips as the batch size allows (each costs milliseconds; a style of a rubric has only 28 sheets),
     * while Java scores them on this thread (the browser has the other core).
     */
    static List<Outcome> compareAll(Browser browser, List<Group> groups) {
        long t0 = System.nanoTime();
        CompletableFuture<List<List<JsonNode>>> page = browser.scoreHashedAsync(groups);
        List<List<JavaResult>> java = new ArrayList<>(groups.size());
        for (Group g : groups) {
            List<JavaResult> out = new ArrayList<>(g.cases().size());
            for (Case c : g.cases()) {
                out.add(java(g.rubric(), c.sheetJson()));
            }
            java.add(out);
        }
        long t1 = System.nanoTime();
        List<List<JsonNode>> js = page.join();
        long t2 = System.nanoTime();
        if (Boolean.getBoolean("kaoping.parity.verbose")) {
            System.out.printf("%s: %d groups, %d sheets, Java %d ms, browser waited for %d ms%n", groups.get(0).label(),
                    groups.size(), groups.stream().mapToInt(g -> g.cases().size()).sum(), (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        }
        List<Outcome> outcomes = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            outcomes.add(judge(browser, groups.get(i), java.get(i), js.get(i)));
        }
        return outcomes;
    }

    private static Outcome judge(Browser browser, Group g, List<JavaResult> java, List<JsonNode> js) {
        String label = g.label();
        Rubric rubric = g.rubric();
        List<Case> cases = g.cases();
        long seed = g.seed();
        List<String> failures = new ArrayList<>();
        int scored = 0;
        int refused = 0;
        int refetched = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JavaResult j = java.get(i);
            JsonNode s = js.get(i);
            if (s.has("h")) {
                if (j.hash() != null && s.get("h").asText().equals(j.hash())) {
                    scored++;
                    continue;
                }
                // differs (or only its text does): fetch the whole breakdown and compare the trees
                s = browser.score(rubric.id(), List.of(c.sheetJson())).get(0);
                refetched++;
            }
            String problem = null;
            if (c.expectError() && j.errorPath() == null) {
                problem = "the Java engine accepted a sheet with a deliberate error (" + c.what() + ")";
            } else if (j.errorPath() != null) {
                if (!c.expectError()) {
                    problem = "the Java engine refused a sheet meant to be valid: " + j.errorMessage();
                } else if (!s.has("error")) {
                    problem = "Java refused it (" + j.errorMessage() + ") but JS scored it:\n" + pretty(s.get("ok"));
                } else if (!"ScoreError".equals(s.path("name").asText())
                        || !j.refusedAs(s.path("path").asText(), s.path("code").asText())
                        || !HAN.matcher(s.path("error").asText()).find()) {
                    // same path and same kind of problem; the browser's words are Chinese, Java's English
                    problem = "different refusals:\n  Java: " + j.refusals() + "\n  JS:   " + s.path("error").asText()
                            + " (path " + s.path("path") + ", code " + s.path("code") + ", " + s.path("name").asText() + ")";
                } else {
                    refused++;
                }
            } else if (s.has("error")) {
                problem = "Java scored it but JS refused: " + s.path("error").asText() + "\nJava breakdown:\n"
                        + pretty(j.breakdown());
            } else if (!j.breakdown().equals(s.get("ok"))) {
                ObjectNode b = j.breakdown();
                problem = "breakdowns differ at " + firstDifference("$", b, s.get("ok"))
                        + "\nJava breakdown:\n" + pretty(b) + "\nJS breakdown:\n" + pretty(s.get("ok"));
            } else {
                scored++;
            }
            if (problem != null && failures.size() < 3) {
                failures.add(label + " case " + i + " (" + c.what() + "), seed " + seed + " (replay: -Dkaoping.seed="
                        + baseSeed() + "): " + problem + "\nsheet: " + c.sheetJson());
            }
        }
        if (Boolean.getBoolean("kaoping.parity.verbose") && refetched > 0) {
            System.out.println(label + ": " + refetched + " breakdowns compared as trees (their JSON texts differ)");
        }
        return new Outcome(new Tally(scored, refused), java, failures.isEmpty() ? null : String.join("\n\n", failures));
    }

    /** The JSON path of the first place where two trees differ. */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            return path + " (" + a + " vs " + b + ")";
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().equals(b.get(e.getKey()))) {
                    return firstDifference(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()));
                }
            }
            return path + " (fields " + a.size() + " vs " + b.size() + ")";
        }
        if (a.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    String id = a.get(i).has("id") ? " id=" + a.get(i).get("id").asText() : "";
                    return firstDifference(path + "[" + i + "]" + id, a.get(i), b.get(i));
                }
            }
            return path + " (lengths " + a.size() + " vs " + b.size() + ")";
        }
        return path + " (" + a + " vs " + b + ")";
    }

    /** -Dkaoping.seed=N replays a run; otherwise the fixed default keeps runs reproducible. */
    static long baseSeed() {
        return Long.getLong("kaoping.seed", 20260101L);
    }
}
