package org.kaoping.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactorTest {
    private static String js(String source) {
        return new String(Compactor.compact("a.js", source.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("drops whole-line comments, blank lines and indentation; keeps every code line as written")
    void dropsOnlyCommentLines() {
        String source = """
                /**
                 * A header.
                 */
                function f(a) {
                  // why
                  var url = "//not a comment"; // trailing comment stays
                  /* one line */
                  return a * 2;
                }
                """;
        assertEquals("function f(a) {\nvar url = \"//not a comment\"; // trailing comment stays\nreturn a * 2;\n}\n", js(source));
    }

    @Test
    @DisplayName("refuses what line-based compaction could break: template literals, continuations, code after */")
    void refusesRiskyInput() {
        assertThrows(IllegalStateException.class, () -> js("var s = `a\n// b`;\n"));
        assertThrows(IllegalStateException.class, () -> js("var s = 'a\\\n// b';\n"));
        assertThrows(IllegalStateException.class, () -> js("/* c */ var x = 1;\n"));
        assertThrows(IllegalStateException.class, () -> js("/* never closed\nvar x = 1;\n"));
    }

    @Test
    @DisplayName("other files pass through byte for byte; the shipped scripts compact without refusal")
    void shippedAssets() throws Exception {
        byte[] svg = "<svg>  // x\n</svg>".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(svg, Compactor.compact("a.svg", svg));
        List<Path> shippedFiles = new ArrayList<>(List.of(Path.of("site-theme/assets/site.js"),
                Path.of("site-theme/assets/site.css"), Path.of("site-theme/assets/form.css")));
        try (var scripts = Files.list(Path.of("site-theme/js"))) {
            scripts.filter(p -> p.toString().endsWith(".js")).sorted().forEach(shippedFiles::add);
        }
        assertTrue(shippedFiles.size() > 5, "the form's scripts are found");
        for (Path p : shippedFiles) {
            String f = p.toString();
            byte[] source = Files.readAllBytes(p);
            byte[] shipped = Compactor.compact(f, source);
            assertTrue(shipped.length < source.length, f);
        }
    }
}
