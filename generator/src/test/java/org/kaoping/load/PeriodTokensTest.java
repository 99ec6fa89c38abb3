package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Period;
import org.kaoping.load.BothWays.Way;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period the one-pass reader ({@link PeriodTokens}) binds must be exactly what the long way (tree, schema, private
 * names, binding) makes of the same file, and the long way must find nothing in it; a file it doubts is read the
 * long way, so every finding is unchanged. Held on the shipped periods (with and without their assessment, which
 * only the long way reads) and on seeded mutants of them: values of every kind in every place, numbers written in
 * every way, texts with private names and marks, then the text itself broken (syntax, bounds, byte order marks,
 * malformed UTF-8). Replay with -Dkaoping.seed=N.
 */
class PeriodTokensTest {
    /** Every field the one pass reads, texts a public build must redact or warn about, numbers with trailing zeros. */
    private static final String FULL = """
            {"id": "2023-q1", "title": "2023 年第一季度", "type": "quarter", "year": 2023, "quarter": 1,
             "rubric": "r-1.2", "previous": "2022-annual", "assessed": {"from": "2023-04-01", "to": "2023-04-09"},
             "source": "矫正对象王小明，访谈记录", "notes": ["当事人张三的", "注"],
             "findings": [{"section": "一", "common": "共性", "individual": "个性", "measures": "措施"}, {"section": "二"}],
             "results": [
               {"station": "a", "printedName": "甲所", "components": {"total": 98.50, "x": 1e1, "notes": -0},
                "raters": {"r1": ["甲"], "notes": ["申请人赵五，"]}, "bonuses": {"b": 0, "c": 3},
                "published": {"total": 98.50, "place": 1}, "mainReasons": "无", "vetoes": ["v"], "disqualifiers": [],
                "notes": ["矫正对象王小明，未报到"]},
               {"station": "乙所", "published": {}},
               {"station": "c", "published": {"place": 999999999}, "components": {"t": 123456789.500}}
             ]}
            """;

    private static final String[] KEYS = {"id", "title", "type", "year", "quarter", "rubric", "previous", "assessed",
            "source", "results", "findings", "notes", "assessment", "publication", "reviews", "targets", "from", "to",
            "station", "printedName", "components", "raters", "bonuses", "published", "mainReasons", "vetoes",
            "disqualifiers", "total", "place", "section", "common", "individual", "measures", "quote", "", "zzz", "a\n",
            "status"};

    private static final String[] VALUES = {"null", "0", "-0", "-1", "1", "4", "5", "1.5", "1.50", "10.0", "1e2", "1E-2",
            "0.000", "1990", "2100", "1989", "2101", "2023.0", "123456789", "2147483648", "99999999999999999999",
            "true", "false", "\"\"", "\"x\"", "\"A\"", "\"annual\"", "\"quarter\"", "\"half-year\"", "\"monthly\"",
            "\"a\\n\"", "\"２\"", "\"a b\"", "\"2023-01-01\"", "\"2023-01-01\\n\"", "\"2023-1-01\"", "\"r.1-2\"",
            "\"社区矫正对象王小明，\"", "\"当事人张三的\"", "\"帮教对象管理台账\"", "\"矫正对象{{薛新义}}\"", "\"{{\"", "\"a}b\"",
            "\"\\u202e\"", "\"\\ud83d\\ude00\"", "[]", "[\"a\"]", "[1]", "[null]", "{}", "{\"a\": 1}", "{\"a\": 1.50}",
            "{\"a\": -1}", "{\"a\": [\"x\"]}", "{\"notes\": [\"人员王大明，\"]}", "{\"station\": \"s\"}",
            "{\"station\": \"\"}", "{\"total\": 1.0, \"place\": 1}", "{\"place\": 0}", "{\"from\": \"2023-01-01\", "
            + "\"to\": \"2023-01-02\"}", "{\"section\": \"一\"}", "{\"section\": \"\"}", "{\"status\": \"final\"}",
            "[{\"station\": \"s\"}]", "[{\"station\": \"s\"}, {\"station\": \"s\"}]"};

    @TempDir
    Path dir;

    @Test
    void theOnePassBindsWhatTheLongWayBinds() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonNode> seeds = new ArrayList<>();
        for (JsonNode shipped : shippedPeriods()) {
            seeds.add(shipped);
            if (shipped.has("assessment") || shipped.has("targets")) {
                ObjectNode without = (ObjectNode) shipped.deepCopy();
                without.remove(List.of("assessment", "targets"));
                seeds.add(without);
            }
        }
        seeds.add(BothWays.TREES.readTree(FULL));
        int onePass = 0;
        for (JsonNode s : seeds) {
            byte[] bytes = BothWays.bytes(s, true, false);
            Way way = compare(bytes, random, "seed file " + s.get("id"));
            // An assessment, a publication, reviews, targets, or a private name's mark the long way replaces: the
            // long way.
            boolean long_ = s.has("assessment") || s.has("publication") || s.has("reviews") || s.has("targets")
                    || new String(bytes, StandardCharsets.UTF_8).contains("{{");
            assertEquals(long_ ? Way.LONG : Way.ONE_PASS, way, "a shipped period: " + s.get("id"));
            onePass += way == Way.ONE_PASS ? 1 : 0;
        }
        assertTrue(onePass >= 3, "shipped periods in one pass: " + onePass);
        String named = FULL.replace("\"mainReasons\": \"无\"", "\"mainReasons\": \"社区矫正对象王小明，\"");
        assertEquals(Way.LONG, compare(named.getBytes(StandardCharsets.UTF_8), random, "named"), "a likely name");
        int quick = 0;
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            byte[] bytes = BothWays.mutant(seeds, random, BothWays.edit(KEYS, VALUES));
            Way way = compare(bytes, random, "seed " + seed + ", mutant " + i);
            quick += way == Way.ONE_PASS ? 1 : 0;
            refused += way == Way.REFUSED ? 1 : 0;
        }
        // Both ways are exercised: mutants taken in one pass, and many the long way refuses or warns about.
        assertTrue(quick > 60, "one-pass mutants: " + quick);
        assertTrue(refused > 200, "refused mutants: " + refused);
    }

    /** Loads the bytes both ways and holds them equal; says which way the loader took. */
    private Way compare(byte[] bytes, SplittableRandom random, String what) throws IOException {
        return BothWays.compare(dir.resolve("p.json"), bytes, SchemaCheck.PERIOD, Period.class, PeriodTokens::read,
                period -> random.nextBoolean() ? "$.results" : "$.results[" + random.nextInt(3) + "].published.total",
                random, what);
    }

    /** Every shipped period: content/ and each example's. */
    private static List<JsonNode> shippedPeriods() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of("content")));
        try (var ex = Files.list(Path.of("examples"))) {
            ex.map(p -> p.resolve("content")).forEach(roots::add);
        }
        List<JsonNode> out = new ArrayList<>();
        for (Path root : roots) {
            Path periods = root.resolve("periods");
            if (!Files.isDirectory(periods)) {
                continue;
            }
            try (var files = Files.list(periods)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    out.add(BothWays.TREES.readTree(Files.readString(f)));
                }
            }
        }
        assertTrue(out.size() >= 4, "shipped periods: " + out.size());
        return out;
    }
}
