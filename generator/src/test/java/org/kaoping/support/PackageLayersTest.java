package org.kaoping.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages follow the pipeline (ARCHITECTURE.md, "Code map"): each refers only to the packages below it, so the
 * site model never reaches into rendering (it holds charts as numbers, {@code site.Chart}, and render draws them).
 * Read from the sources: an import, or a qualified name in code (comments are left out: a comment may point
 * anywhere).
 */
class PackageLayersTest {
    /** What each package may refer to. A package not listed here fails the test until it is placed. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("load", Set.of("model")),
            Map.entry("score", Set.of("model", "load")),
            Map.entry("rank", Set.of("model", "load", "score")),
            Map.entry("validate", Set.of("model", "load", "score", "rank")),
            Map.entry("site", Set.of("model", "load", "score", "rank", "validate")),
            Map.entry("render", Set.of("model", "load", "score", "rank", "site")),
            Map.entry("write", Set.of("model", "load")),
            Map.entry("round", Set.of("model", "load")),
            Map.entry("ingest", Set.of("model", "load", "score", "round")),
            Map.entry("sample", Set.of("model", "load")),
            Map.entry("serve", Set.of()),
            Map.entry("cli", Set.of("model", "load", "score", "rank", "validate", "site", "render", "write", "round",
                    "ingest", "sample", "serve")));

    private static final Path SOURCES = Path.of("generator/src/main/java/org/kaoping");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.kaoping\\.([a-z]+)\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void eachPackageUsesOnlyThoseBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> filesPerPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // no class lives in org.kaoping itself
                }
                String own = relative.getName(0).toString();
                filesPerPackage.merge(own, 1, Integer::sum);
                Set<String> allowed = MAY_USE.get(own);
                if (allowed == null) {
                    wrong.add(relative + ": package " + own + " has no place in the layers");
                    continue;
                }
                String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(own) && !allowed.contains(used)) {
                        wrong.add(relative + " uses org.kaoping." + used);
                    }
                }
            }
        }
        assertEquals(MAY_USE.keySet(), filesPerPackage.keySet(), "every listed package has sources, and only those");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theCheckSeesAReferenceUpward() {
        // The test above must be able to fail: the pattern finds a qualified name in code and not one in a comment.
        String code = COMMENT.matcher("""
                import org.kaoping.render.SvgCharts; // org.kaoping.cli.Main
                /** {@link org.kaoping.write.Staging} */ var x = new org.kaoping.serve.LiveServer();
                """).replaceAll(" ");
        List<String> used = REFERENCE.matcher(code).results().map(r -> r.group(1)).toList();
        assertEquals(List.of("render", "serve"), used);
    }
}
