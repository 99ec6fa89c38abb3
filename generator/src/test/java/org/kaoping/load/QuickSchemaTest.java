package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kaoping.support.JsonMutations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QuickSchema may let a file skip the schema validator only when the validator would accept it, and its
 * "certainly invalid" (which {@code not} and {@code oneOf} turn into "valid") must be as sure: on every shipped
 * rubric, period, station list, site config and sheet, and on seeded mutations of them (keys added, removed and
 * renamed, values replaced by literals of every kind or by pieces of other files), "valid" must mean the
 * validator finds nothing and "invalid" that it finds something. Replay with -Dkaoping.seed=N.
 */
class QuickSchemaTest {
    private static final String[] VALUES = {"null", "0", "-1", "1", "2", "3", "100", "0.5", "1.5", "-0.5", "2.0",
            "true", "false", "\"\"", "\"x\"", "\"A\"", "\"a-1\"", "\"a b\"", "\"２\"", "\"2023-01-01\"", "\"2023-q1\"",
            "\"2023-1-01\"", "\"HALF_UP\"", "\"score\"", "\"bonus\"", "\"penalty\"", "\"perCount\"", "\"zeroing\"",
            "\"levels\"", "\"annual\"", "\"quarter\"", "\"void\"", "\"highest\"", "\"shared\"", "\"\uD83D\uDE00\"",
            "[]", "[\"a\"]", "[1]", "[null]", "{}", "{\"a\": 1}", "{\"id\": \"a\"}",
            // A line break at the end: java.util.regex's $ matches before it, the schema's patterns do not.
            "\"2023-01-01\\n\"", "\"a\\n\"", "\"2023-q1\\r\\n\"", "\"HALF_UP\\n\"", "\"x\\u2028\""};

    @Test
    void certainlyValidMeansTheValidatorFindsNothing() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<JsonNode>> seeds = shipped();
        List<String> keys = new ArrayList<>(propertyNames());
        keys.addAll(List.of("zzz", "", "a b"));
        SchemaCheck check = SchemaCheck.instance();
        for (var e : seeds.entrySet()) {
            QuickSchema quick = quick(e.getKey());
            for (JsonNode tree : e.getValue()) {
                assertTrue(check.findings(tree, e.getKey()).isEmpty(), e.getKey() + ": " + tree);
                assertEquals(QuickSchema.Verdict.VALID, quick.verdict(tree), "a shipped file takes the quick path: "
                        + e.getKey() + " " + tree.path("id"));
            }
        }
        List<JsonNode> pieces = new ArrayList<>();
        seeds.values().forEach(l -> l.forEach(t -> collectAll(t, pieces)));
        int valid = 0;
        int invalid = 0;
        int unknown = 0;
        List<String> schemas = new ArrayList<>(seeds.keySet());
        for (int i = 0; i < 3000; i++) {
            String schema = schemas.get(random.nextInt(schemas.size()));
            List<JsonNode> trees = seeds.get(schema);
            JsonNode tree = trees.get(random.nextInt(trees.size())).deepCopy();
            int mutations = 1 + random.nextInt(2);
            for (int m = 0; m < mutations; m++) {
                mutate(tree, random, keys, pieces);
            }
            QuickSchema.Verdict verdict = quick(schema).verdict(tree);
            var findings = check.findings(tree, schema);
            String where = "seed " + seed + ", mutant " + i + " of a " + schema + ": ";
            switch (verdict) {
                case VALID -> {
                    valid++;
                    assertTrue(findings.isEmpty(), where + "quick path accepts what the validator refuses ("
                            + findings + "): " + tree);
                }
                case INVALID -> {
                    invalid++;
                    assertTrue(!findings.isEmpty(), where + "quick path refuses what the validator accepts: " + tree);
                }
                default -> unknown++;
            }
        }
        // Both verdicts are exercised, and most mutants are decided without the validator.
        assertTrue(valid > 200, "valid mutants: " + valid);
        assertTrue(invalid > 1000, "invalid mutants: " + invalid);
        assertTrue(unknown < 1000, "undecided mutants: " + unknown);
    }

    private static QuickSchema quick(String schema) {
        return SchemaCheck.instance().quick(schema);
    }

    private static String resource(String schema) throws IOException {
        try (var in = QuickSchemaTest.class.getResourceAsStream("/org/kaoping/schema/" + schema)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Every property name the schemas declare, so that added and renamed keys reach every branch. */
    private static TreeSet<String> propertyNames() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String s : List.of(SchemaCheck.RUBRIC, SchemaCheck.SHEET, SchemaCheck.PERIOD, SchemaCheck.STATIONS,
                SchemaCheck.SITE)) {
            List<JsonNode> all = new ArrayList<>();
            collectAll(StrictJson.mapper().readTree(resource(s)), all);
            for (JsonNode n : all) {
                if (n.has("properties") && n.get("properties").isObject()) {
                    n.get("properties").fieldNames().forEachRemaining(out::add);
                }
            }
        }
        return out;
    }

    private static void mutate(JsonNode root, SplittableRandom random, List<String> keys, List<JsonNode> pieces)
            throws IOException {
        List<JsonNode> containers = JsonMutations.containers(root);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = random.nextInt(3) == 0 ? pieces.get(random.nextInt(pieces.size())).deepCopy()
                : StrictJson.mapper().readTree(VALUES[random.nextInt(VALUES.length)]);
        if (target instanceof ObjectNode o) {
            JsonMutations.editObject(o, random, keys, value);
        } else if (target instanceof ArrayNode a) {
            int op = random.nextInt(3);
            if (a.isEmpty() || op == 0) {
                a.add(value);
            } else if (op == 1) {
                a.remove(random.nextInt(a.size()));
            } else {
                a.set(random.nextInt(a.size()), value);
            }
        }
    }


    private static void collectAll(JsonNode n, List<JsonNode> out) {
        out.add(n);
        n.forEach(c -> collectAll(c, out));
    }

    /** Every shipped file by the schema it is checked against. */
    private static Map<String, List<JsonNode>> shipped() throws IOException {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        List<Path> sites = new ArrayList<>(List.of(Path.of(".")));
        try (Stream<Path> ex = Files.list(Path.of("examples"))) {
            ex.sorted().forEach(sites::add);
        }
        for (Path site : sites) {
            add(out, SchemaCheck.RUBRIC, site.resolve("rubrics"), 1);
            add(out, SchemaCheck.SITE, site.resolve("content/site.json"), 0);
            add(out, SchemaCheck.STATIONS, site.resolve("content/stations.json"), 0);
            add(out, SchemaCheck.PERIOD, site.resolve("content/periods"), 1);
            add(out, SchemaCheck.SHEET, site.resolve("content/sheets"), 2);
            add(out, SchemaCheck.SHEET, site.resolve("content/self-assessments"), 2);
        }
        for (var e : out.entrySet()) {
            assertTrue(!e.getValue().isEmpty(), "shipped files for " + e.getKey());
        }
        assertEquals(5, out.size(), "every schema has shipped files: " + out.keySet());
        return out;
    }

    private static void add(Map<String, List<JsonNode>> out, String schema, Path path, int depth) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path, depth)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                    .sorted().toList()) {
                out.computeIfAbsent(schema, k -> new ArrayList<>()).add(StrictJson.mapper().readTree(Files.readString(f)));
            }
        }
    }
}
