package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Sheet;
import org.kaoping.load.BothWays.Way;
import org.kaoping.support.JsonMutations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sheet the one-pass reader ({@link SheetTokens}) binds must be exactly what the long way (tree, schema, private
 * names, binding) makes of the same file, and the long way must find nothing in it; a file it doubts is read the
 * long way, so every finding is unchanged. Held on the shipped sheets and on seeded mutants of them: values of
 * every kind in every place, numbers written in every way, texts with private names and marks, then the text
 * itself broken (syntax, bounds, bidi controls, byte order marks, malformed UTF-8). Replay with -Dkaoping.seed=N.
 */
class SheetTokensTest {
    /** Every field the schema allows, texts a public build must redact or warn about, numbers with trailing zeros. */
    private static final String FULL = """
            {"rubric": "r-1.2", "fingerprint": "0123abcd", "station": "某所", "period": "2023-q1", "unit": "某所",
             "date": "2023-02-03", "attributes": {"kind": "Big-1", "notes": "Small"},
             "criteria": {"1.1": {"score": 2.50, "reason": "好"}, "1.2": {"inputs": {"n": 1, "b": true, "s": "x",
               "a": [1, 2.0, null], "o": {"k": 1.10, "notes": "矫正对象王小明，"}}}, "1.3": {"notApplicable": true},
               "1.4": {"reason": "无"}, "1.5": {}, "notes": {"reason": "矫正对象王小明，未报到"}, "1.6": {"score": 10.0},
               "1.7": {"score": -0}, "1.8": {"score": 1e1}, "1.9": {"score": 0.000}},
             "vetoes": ["v1"], "targets": {"c-1/r.2": 3, "c-1/r.3": 3.500}, "recordedTotal": 97.50,
             "signatures": {"unitHead": "某", "members": ["甲", "乙"], "leader": null},
             "corrections": [{"criterion": "1.1", "recorded": 1, "corrected": 2.0, "quote": "矫正对象王小明，", "note": "注"}],
             "notes": ["矫正对象王小明，未报到"]}
            """;

    private static final String[] KEYS = {"rubric", "fingerprint", "station", "period", "unit", "date", "attributes",
            "criteria", "vetoes", "targets", "recordedTotal", "signatures", "corrections", "notes", "score", "inputs",
            "notApplicable", "reason", "unitHead", "members", "leader", "criterion", "recorded", "corrected", "quote",
            "note", "source", "1.1", "A", "a/b", "a/B", "x y", "a.b-c", "", "kind", "zzz", "a\n", "c-1/r.2/x"};

    private static final String[] VALUES = {"null", "0", "-0", "-1", "1.5", "1.50", "10.0", "1e2", "1E-2", "0.000",
            "123456789", "true", "false", "\"\"", "\"x\"", "\"A\"", "\"a\\n\"", "\"２\"", "\"a b\"", "\"2023-01-01\"",
            "\"2023-01-01\\n\"", "\"2023-1-01\"", "\"abcdef01\"", "\"ABCDEF01\"", "\"abcdef0\"", "\"Big-1\"", "\"1Big\"",
            "\"社区矫正对象王小明，\"", "\"当事人张三的\"", "\"帮教对象管理台账\"", "\"矫正对象{{薛新义}}\"", "\"{{\"", "\"a}b\"",
            "\"\\u202e\"", "\"\\ud83d\\ude00\"", "[]", "[\"a\"]", "[1]", "[null]", "{}", "{\"a\": 1}",
            "{\"score\": 1}", "{\"score\": 1.0, \"reason\": \"当事人李四、\"}", "{\"score\": 1, \"inputs\": {}}",
            "{\"notApplicable\": false}", "{\"inputs\": {\"n\": null}}", "{\"inputs\": {\"quote\": [\"申请人赵五，\"]}}",
            "{\"criterion\": \"1\", \"recorded\": 1, \"corrected\": 2, \"quote\": \"q\", \"note\": \"\"}",
            "{\"criterion\": \"1\", \"recorded\": 1, \"corrected\": 2.50, \"quote\": \"q\", \"note\": \"n\"}"};

    @TempDir
    Path dir;

    @Test
    void theOnePassBindsWhatTheLongWayBinds() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonNode> seeds = new ArrayList<>(shippedSheets());
        seeds.add(BothWays.TREES.readTree(FULL));
        int quick = 0;
        int refused = 0;
        for (JsonNode s : seeds) {
            assertEquals(Way.ONE_PASS, compare(BothWays.bytes(s, false, false), random, "shipped " + s), "a shipped sheet takes the one pass: " + s);
        }
        // FULL's likely names stand where no public page shows them (notes, quote): it takes the one pass;
        // one in a reason is warned about, so the long way reads that file.
        assertEquals(Way.ONE_PASS, compare(FULL.getBytes(StandardCharsets.UTF_8), random, "FULL"), "FULL");
        String named = FULL.replace("\"reason\": \"好\"", "\"reason\": \"社区矫正对象王小明，\"");
        assertEquals(Way.LONG, compare(named.getBytes(StandardCharsets.UTF_8), random, "named"), "a likely name");
        for (int i = 0; i < 1200; i++) {
            byte[] bytes = BothWays.mutant(seeds, random, BothWays.edit(KEYS, VALUES));
            Way way = compare(bytes, random, "seed " + seed + ", mutant " + i);
            quick += way == Way.ONE_PASS ? 1 : 0;
            refused += way == Way.REFUSED ? 1 : 0;
        }
        // Both ways are exercised: mutants taken in one pass, and many the long way refuses or warns about.
        assertTrue(quick > 200, "one-pass mutants: " + quick);
        assertTrue(refused > 500, "refused mutants: " + refused);
    }

    /** Loads the bytes both ways and holds them equal; says which way the loader took. */
    private Way compare(byte[] bytes, SplittableRandom random, String what) throws IOException {
        return BothWays.compare(dir.resolve("s.json"), bytes, SchemaCheck.SHEET, Sheet.class, SheetTokens::read,
                sheet -> random.nextBoolean() ? "$.criteria"
                        : "$.criteria." + sheet.criteria().keySet().stream().findFirst().orElse("x") + ".score",
                random, what);
    }

    @Test
    void plainUtf8IsWhatTheStrictDecoderAccepts() {
        SplittableRandom random = new SplittableRandom(Long.getLong("kaoping.seed", 20261201L));
        int plain = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            b[0] = (byte) ('{' + random.nextInt(3)); // an ASCII start, as plainUtf8 asks
            for (int k = 1; k < b.length; k++) {
                int pick = random.nextInt(4);
                b[k] = (byte) (pick == 0 ? random.nextInt(1, 0x80) : pick == 1 ? 0x80 + random.nextInt(0x40)
                        : random.nextInt(256));
            }
            boolean decodes = strictlyDecodes(b);
            boolean hasNul = false;
            for (byte x : b) {
                hasNul |= x == 0;
            }
            assertEquals(decodes && !hasNul, SheetTokens.plainUtf8(b), "bytes " + java.util.HexFormat.of().formatHex(b));
            if (SheetTokens.plainUtf8(b) && b.length > 2 && b[1] < 0) {
                plain++;
            }
        }
        assertTrue(plain > 500, "well-formed multi-byte texts: " + plain);
        assertTrue(!SheetTokens.plainUtf8(new byte[0]) && !SheetTokens.plainUtf8(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF, '{', '}'}), "an empty text or a second byte order mark is not plain");
    }

    private static boolean strictlyDecodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<JsonNode> shippedSheets() throws IOException {
        List<JsonNode> out = JsonMutations.shippedSheets(BothWays.TREES, false);
        assertTrue(out.size() >= 10, "shipped sheets: " + out.size());
        return out;
    }
}
