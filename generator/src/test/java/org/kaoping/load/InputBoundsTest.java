package org.kaoping.load;

import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every number and string is bounded while parsing, with the place it stands (issue 8, findings 2 and 9). */
class InputBoundsTest {
    private static final Path FILE = Path.of("sheet.json");

    private static Diagnostic refused(String value) {
        String text = "{\n  \"criteria\": {\n    \"1.1\": { \"score\": " + value + " }\n  }\n}\n";
        LoadException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(LoadException.class, () -> JsonSource.parse(FILE, text)), value);
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(3, d.line(), value);
        assertTrue(d.column() >= 23, value + " at column " + d.column());
        assertTrue(d.message().startsWith("$.criteria[\"1.1\"].score: "), d.message());
        assertTrue(d.message().length() < 300, d.message());
        return d;
    }

    @Test
    void numbersOfEveryMagnitudeFromTheIssueAreRefusedWhereTheyStand() {
        for (String v : List.of("1e100000000", "1e999999999", "-1e999999999", "1E+2147483647", "1E+2147483648",
                "-2147483649", "1000000000", "1" + "0".repeat(5000))) {
            Diagnostic d = refused(v);
            assertTrue(d.message().contains("out of range") || d.message().contains("too long")
                    || d.message().contains("exceeds the maximum"), d.message());
        }
        for (String v : List.of("1e-999999999", "0.0000001", "1.1234567")) {
            assertTrue(refused(v).message().contains("more than 6 decimal places"), v);
        }
    }

    @Test
    void ordinaryNumbersPass() throws LoadException {
        for (String v : List.of("0", "-0.5", "97.32", "999999999", "0.000001", "1e2", "0E+10", "2.50000000")) {
            assertNull(TextRules.numberProblem(v), v);
            JsonSource.parse(FILE, "{\"x\": " + v + "}");
        }
    }

    /** The keys a checked parser met, in order; its refusal as an exception. */
    private static List<String> keys(String json) throws IOException {
        List<String> out = new ArrayList<>();
        try (var p = new JsonSource.CheckedTokens(StrictJson.mapper().getFactory().createParser(json))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    out.add(p.currentName());
                }
            }
        }
        return out;
    }

    /**
     * A checked parser remembers the keys it found within bounds (a province's sheets repeat the same hundred), never
     * one it refused: the same bad key is refused every time, beside good keys met before and after.
     */
    @Test
    void aKeyOutOfBoundsIsRefusedEveryTime() throws IOException {
        for (int round = 0; round < 3; round++) {
            assertEquals(List.of("criteria", "1.1", "score", "reason"),
                    keys("{\"criteria\": {\"1.1\": {\"score\": 1, \"reason\": \"x\"}}}"));
            for (String bad : List.of("a\\u202eb", "\\u200f", "x\\u2066")) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> keys("{\"score\": 1, \"" + bad + "\": 2}"), bad);
                assertTrue(e.getMessage().contains("bidirectional control"), e.getMessage());
            }
        }
    }

    @Test
    void loneSurrogatesBidiControlsAndHugeTextsAreRefused() {
        for (String s : List.of("\\ud800", "a\\udc00b", "\\u202e", "\\u2066x", "\\u200f")) {
            LoadException e = assertThrows(LoadException.class, () -> JsonSource.parse(FILE, "{\n\"name\": \"ab" + s + "\"}"));
            assertEquals(2, e.diagnostics().get(0).line(), s);
            assertTrue(e.diagnostics().get(0).message().startsWith("$.name: "), e.diagnostics().get(0).message());
        }
        LoadException key = assertThrows(LoadException.class, () -> JsonSource.parse(FILE, "{\"a\\u202eb\": 1}"));
        assertTrue(key.diagnostics().get(0).message().contains("key: bidirectional control"), key.diagnostics().toString());
        String huge = "x".repeat(TextRules.MAX_STRING + 1);
        assertThrows(LoadException.class, () -> JsonSource.parse(FILE, "{\"a\": \"" + huge + "\"}"));
        assertNull(TextRules.stringProblem("薛某某 😀 ok"));
    }

    @Test
    void quotedValuesAndMessagesAreShort() {
        String q = Quote.of("库".repeat(1_000_000));
        assertTrue(q.length() < 140 && q.endsWith("(and 999920 more characters)"), q);
        assertEquals("\"a\\u202Eb\"", Quote.of("a\u202eb"));
        Diagnostic d = Diagnostic.error(FILE, Location.START, "x".repeat(5000));
        assertTrue(d.message().length() < 1100 && d.message().endsWith("(4000 more characters)"), d.message());
    }
}
