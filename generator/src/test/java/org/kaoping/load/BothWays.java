package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.support.JsonMutations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file loaded as the loader loads it (bound from its tokens when certainly fine) and the long way, held equal:
 * the same findings word for word, the same value to the last scale of every decimal, a later finding placed alike
 * and the same tree. {@code SheetTokensTest} and {@code PeriodTokensTest} hand it their mutants.
 */
final class BothWays {
    /** Which way the loader took. */
    enum Way { ONE_PASS, LONG, REFUSED }

    private BothWays() {
    }

    /** Edits of the text itself, after the tree's mutations. */
    private static final String[] INSERTS = {"\"", "{", "}", "[", "]", ",", ":", "1", "0", "e", ".", "-", " ", "\n",
            "x", "\\", "\u202e", "\ud800", "null", "1234567890123", "0.1234567", "\"a\": 1,", "\"score\": 1,",
            "\"rubric\": \"r\",", "\ufeff", "\t", "{{", "人员王大明，"};

    /** Bytes no well-formed UTF-8 holds, or holds only in a NUL; and the start of a multi-byte character. */
    private static final byte[][] BYTES = {{0}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, {(byte) 0xF5}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xEF,
            (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8, (byte) 0x80}};

    /** Trees that keep decimals as written (2.50, 10.0), so that mutants write them so again. */
    static final com.fasterxml.jackson.databind.ObjectMapper TREES = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** A mutation of a parsed file, in place. */
    interface Mutation {
        void apply(JsonNode root, SplittableRandom random) throws IOException;
    }

    /**
     * One edit of a tree at a random object or array ({@link JsonMutations#edit}): a key from {@code keys}, a value
     * parsed from one of {@code values}.
     */
    static Mutation edit(String[] keys, String[] values) {
        List<String> keyList = List.of(keys);
        return (root, random) -> {
            List<JsonNode> containers = JsonMutations.containers(root);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            JsonNode value = TREES.readTree(values[random.nextInt(values.length)]);
            JsonMutations.edit(target, random, keyList, value);
        };
    }

    /**
     * One of {@code seeds}, mutated up to three times, written compact or pretty, sometimes with a byte order mark,
     * and sometimes with its text or bytes edited after that.
     */
    static byte[] mutant(List<JsonNode> seeds, SplittableRandom random, Mutation mutate) throws IOException {
        JsonNode tree = seeds.get(random.nextInt(seeds.size())).deepCopy();
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            mutate.apply(tree, random);
        }
        byte[] bytes = bytes(tree, random.nextBoolean(), random.nextInt(8) == 0);
        int edit = random.nextInt(6);
        if (edit == 0) {
            bytes = insertText(bytes, random);
        } else if (edit == 1) {
            bytes = insertBytes(bytes, random);
        }
        return bytes;
    }

    static byte[] bytes(JsonNode tree, boolean pretty, boolean byteOrderMark) throws IOException {
        String text = pretty ? TREES.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                : TREES.writeValueAsString(tree);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (!byteOrderMark) {
            return b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(b);
        return out.toByteArray();
    }

    private static byte[] insertText(byte[] bytes, SplittableRandom random) {
        StringBuilder t = new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
        int at = random.nextInt(t.length() + 1);
        if (random.nextBoolean()) {
            t.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        } else if (at < t.length()) {
            t.deleteCharAt(at);
        }
        return t.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertBytes(byte[] bytes, SplittableRandom random) {
        byte[] insert = BYTES[random.nextInt(BYTES.length)];
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    /**
     * @param schema        the schema's name (SchemaCheck.SHEET, SchemaCheck.PERIOD)
     * @param onePass       the token binder (null when it declines)
     * @param laterFinding  a JSON path for a finding made after loading, given the loaded value
     */
    static <T> Way compare(Path file, byte[] bytes, String schema, Class<T> type, Function<byte[], T> onePass,
                           Function<T, String> laterFinding, SplittableRandom random, String what) throws IOException {
        Files.write(file, bytes);
        Audience audience = random.nextBoolean() ? Audience.PUBLIC : Audience.INTERNAL;
        boolean release = random.nextBoolean();
        List<Diagnostic> quickFindings = new ArrayList<>();
        List<Diagnostic> fullFindings = new ArrayList<>();
        Loaded<T> quick = FileLoader.load(file, schema, type, quickFindings, audience, release);
        Loaded<T> full = FileLoader.loadInFull(file, schema, type, fullFindings, audience, release, true);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(formatted(fullFindings), formatted(quickFindings), what + ": " + text);
        T bound = onePass.apply(JsonSource.withoutByteOrderMark(bytes));
        if (full == null) {
            assertNull(quick, what + ": " + text);
            assertNull(bound, what + ": the one pass binds what the long way refuses: " + text);
            return Way.REFUSED;
        }
        assertNotNull(quick, what);
        if (bound != null) {
            assertTrue(fullFindings.isEmpty(), what + ": the one pass binds what the long way warns about: " + text);
            assertEquals(full.value(), bound, what + ": " + text);
        }
        assertEquals(full.value(), quick.value(), what + ": " + text);
        assertEquals(full.value().toString(), quick.value().toString(), what + ": " + text);
        String at = laterFinding.apply(quick.value());
        assertEquals(full.source().error(at, "x").format(), quick.source().error(at, "x").format(), what + ": " + text);
        assertEquals(full.source().tree(), quick.source().tree(), what);
        return bound != null ? Way.ONE_PASS : Way.LONG;
    }

    static List<String> formatted(List<Diagnostic> found) {
        return found.stream().map(Diagnostic::format).toList();
    }
}
