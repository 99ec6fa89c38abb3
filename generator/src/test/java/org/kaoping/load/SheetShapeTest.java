package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kaoping.support.JsonMutations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SheetShape may skip the schema validator only for a sheet the validator would accept: on the shipped
 * sheets and on seeded mutations of them (every kind of value in every place, keys added, removed and
 * renamed), "conforms" must imply "the schema finds nothing". Replay with -Dkaoping.seed=N.
 */
class SheetShapeTest {
    /** A sheet with every field the schema allows, so that mutations reach every branch. */
    private static final String FULL = """
            {"rubric": "r-1.2", "fingerprint": "0123abcd", "station": "某所", "period": "2023-q1", "unit": "某所",
             "date": "2023-02-03", "attributes": {"kind": "Big-1"},
             "criteria": {"1.1": {"score": 2, "reason": "好"}, "1.2": {"inputs": {"n": 1, "b": true, "s": "x",
               "a": [1], "o": {"k": 1}}}, "1.3": {"notApplicable": true}, "1.4": {"reason": "无"}, "1.5": {}},
             "vetoes": ["v1"], "targets": {"c-1/r.2": 3}, "recordedTotal": 97.5,
             "signatures": {"unitHead": "某", "members": ["甲", "乙"], "leader": null},
             "corrections": [{"criterion": "1.1", "recorded": 1, "corrected": 2, "quote": "原文", "note": "注"}],
             "notes": ["注"]}
            """;

    private static final String[] KEYS = {"rubric", "fingerprint", "station", "period", "unit", "date", "attributes",
            "criteria", "vetoes", "targets", "recordedTotal", "signatures", "corrections", "notes", "score", "inputs",
            "notApplicable", "reason", "unitHead", "members", "leader", "criterion", "recorded", "corrected", "quote",
            "note", "1.1", "A", "a/b", "a/B", "x y", "a.b-c", "", "kind", "zzz", "a\n", "c-1/r.2/x"};

    private static final String[] VALUES = {"null", "0", "-1", "1.5", "true", "false", "\"\"", "\"x\"", "\"A\"",
            "\"a\\n\"", "\"２\"", "\"a b\"", "\"2023-01-01\"", "\"2023-01-01\\n\"", "\"2023-1-01\"", "\"abcdef01\"",
            "\"ABCDEF01\"", "\"abcdef0\"", "\"Big-1\"", "\"1Big\"", "[]", "[\"a\"]", "[1]", "[null]", "{}", "{\"a\": 1}",
            "{\"score\": 1}", "{\"score\": 1, \"inputs\": {}}", "{\"notApplicable\": false}", "{\"inputs\": {\"n\": null}}",
            "{\"criterion\": \"1\", \"recorded\": 1, \"corrected\": 2, \"quote\": \"q\", \"note\": \"\"}"};

    @Test
    void conformingMeansTheSchemaFindsNothing() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonNode> seeds = new ArrayList<>(shippedSheets());
        seeds.add(StrictJson.mapper().readTree(FULL));
        for (JsonNode s : seeds) {
            assertTrue(SchemaCheck.instance().findings(s, SchemaCheck.SHEET).isEmpty(), s.toString());
            assertTrue(SheetShape.conforms(s), "a valid sheet takes the quick path: " + s);
        }
        int conforming = 0;
        int refusedBySchema = 0;
        for (int i = 0; i < 6000; i++) {
            JsonNode tree = seeds.get(random.nextInt(seeds.size())).deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(tree, random);
            }
            boolean quick = SheetShape.conforms(tree);
            var findings = SchemaCheck.instance().findings(tree, SchemaCheck.SHEET);
            if (quick) {
                conforming++;
                assertTrue(findings.isEmpty(), "seed " + seed + ", mutant " + i + ": SheetShape accepts what the schema "
                        + "refuses (" + findings + "): " + tree);
            }
            if (!findings.isEmpty()) {
                refusedBySchema++;
            }
        }
        // Both sides are exercised: mutants the quick path accepts, and many the schema refuses.
        assertTrue(conforming > 300, "conforming mutants: " + conforming);
        assertTrue(refusedBySchema > 3000, "refused mutants: " + refusedBySchema);
    }

    private static void mutate(JsonNode root, SplittableRandom random) throws IOException {
        List<JsonNode> containers = JsonMutations.containers(root);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = StrictJson.mapper().readTree(VALUES[random.nextInt(VALUES.length)]);
        JsonMutations.edit(target, random, List.of(KEYS), value);
    }

    private static List<JsonNode> shippedSheets() throws IOException {
        List<JsonNode> out = JsonMutations.shippedSheets(StrictJson.mapper(), true);
        assertTrue(out.size() >= 10, "shipped sheets: " + out.size());
        return out;
    }
}
