package org.kaoping.load;

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
        Loaded<T> full = FileLoader.loadInFull(file, schema, type, fullFindings, audience, release);
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
