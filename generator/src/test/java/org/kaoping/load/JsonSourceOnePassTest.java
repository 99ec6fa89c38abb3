package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JsonSource reads a valid file in one pass and anything else the long way (token pass, then tree). The one
 * pass must never accept a text the long way refuses, nor build another tree: on every shipped JSON file and
 * seeded character-level mutants of them (syntax broken, bounds broken, bidi controls, lone surrogates, trailing
 * content, empty texts), {@code parse} and {@code parseTwice} give the same tree or the same finding.
 * Replay with -Dkaoping.seed=N.
 */
class JsonSourceOnePassTest {
    private static final String[] INSERTS = {"\"", "{", "}", "[", "]", ",", ":", "1", "0", "e", "E", ".", "-", "+",
            " ", "\n", "x", "\\", "\u202e", "\ud800", "null", "1234567890123", "0.1234567", "1e400", "\"a\": 1,",
            "\"a\": 1, \"a\": 2", "\ufeff", "/", "\t"};

    @Test
    void onePassAgreesWithTheLongWay() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = shipped();
        for (String t : texts) {
            assertSame(t, "shipped");
        }
        for (String t : List.of("", " ", "\n", "null", "1", "\"x\"", "{}", "[]", "{} {}", "{}x", "{\"a\":1}}",
                "{\"a\": \"" + "字".repeat(20_001) + "\"}", "{\"a\": 1000000001}", "{\"a\": 1.0000001}")) {
            assertSame(t, "literal");
        }
        int accepted = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder t = new StringBuilder(texts.get(random.nextInt(texts.size())));
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(t.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> t.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                    case 1 -> {
                        if (at < t.length()) {
                            t.deleteCharAt(at);
                        }
                    }
                    default -> t.insert(at, t.substring(at, Math.min(t.length(), at + random.nextInt(40))));
                }
            }
            if (assertSame(t.toString(), "seed " + seed + ", mutant " + i)) {
                accepted++;
            }
        }
        // Both sides are exercised: mutants that still read (whitespace, a digit in a number) and many refused.
        assertTrue(accepted > 200 && accepted < 3800, "accepted mutants: " + accepted);
    }

    /** Same tree or same finding; returns whether the text was accepted. */
    private static boolean assertSame(String text, String what) {
        Path file = Path.of("t.json");
        JsonNode expected = null;
        String expectedFinding = null;
        try {
            expected = JsonSource.parseTwice(file, text).tree();
        } catch (LoadException e) {
            expectedFinding = e.diagnostics().toString();
        }
        JsonNode actual = null;
        String actualFinding = null;
        try {
            actual = JsonSource.parse(file, text).tree();
        } catch (LoadException e) {
            actualFinding = e.diagnostics().toString();
        }
        assertEquals(expectedFinding, actualFinding, what + ": " + text);
        assertEquals(expected, actual, what + ": " + text);
        return expected != null;
    }

    private static List<String> shipped() throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(Path.of("content"), Path.of("rubrics")));
        try (Stream<Path> ex = Files.list(Path.of("examples"))) {
            ex.sorted().forEach(p -> {
                roots.add(p.resolve("content"));
                roots.add(p.resolve("rubrics"));
            });
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    out.add(Files.readString(f));
                }
            }
        }
        assertTrue(out.size() > 30, "shipped files: " + out.size());
        return out;
    }
}
