package org.kaoping.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/rule-patterns builds and scores with the packaged jar, as the README tells users to. */
class RulePatternsJarIT {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("java -jar kaoping.jar build --content examples/rule-patterns/content --rubrics examples/rule-patterns/rubrics")
    void buildsAndScores() throws Exception {
        Path out = tmp.resolve("x");
        JarCheckIT.Result b = JarCheckIT.run("build", "--content", "examples/rule-patterns/content",
                "--rubrics", "examples/rule-patterns/rubrics", "--out", out.toString());
        assertEquals(0, b.exit(), b.out());
        assertTrue(Files.isRegularFile(out.resolve("selfcheck/rule-patterns-2026.html")), b.out());
        String ranking = Files.readString(out.resolve("index.html"));
        assertTrue(ranking.contains("35.87") && ranking.contains("40"), "the ranking shows the hand-computed totals");
        // a sheet filed under content/sheets/<period>/ is scored with its station's target from that period
        JarCheckIT.Result s = JarCheckIT.run("score", "--content", "examples/rule-patterns/content",
                "--rubrics", "examples/rule-patterns/rubrics", "examples/rule-patterns/content/sheets/2026-annual/xicheng.json");
        assertEquals(0, s.exit(), s.out());
        assertTrue(s.out().contains("\"total\" : \"35.87\""), s.out());
    }
}
