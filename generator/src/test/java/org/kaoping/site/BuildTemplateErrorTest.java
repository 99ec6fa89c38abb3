package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `build` compiles the page templates and reads the theme's files while it checks the input (on another thread): a
 * broken template or a script the compactor refuses is still reported with its file and line, after the check, and
 * the output is left untouched.
 */
class BuildTemplateErrorTest {
    @Test
    void aBrokenTemplateFailsTheBuildWithItsLineAndTouchesNothing(@TempDir Path tmp) throws Exception {
        Path theme = SiteBuild.copy(SiteBuild.THEME, tmp.resolve("theme"));
        Path home = theme.resolve("templates/home.mustache");
        long lines = Files.readAllLines(home).size();
        Files.writeString(home, Files.readString(home) + "{{#unclosed}}\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--theme", theme.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("build: failed: ") && r.err().contains("home.mustache:" + (lines + 1)), r.all());
        assertTrue(r.err().contains(out + " is unchanged"), r.all());
        assertFalse(Files.exists(out), "nothing written: " + r.all());
    }

    @Test
    void aScriptTheCompactorRefusesFailsTheBuildAndTheOutputIsAsBefore(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("build", "--out", out.toString()).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("index.html"));
        Path theme = SiteBuild.copy(SiteBuild.THEME, tmp.resolve("theme"));
        Path script = theme.resolve("js/kaoping-input.js");
        long lines = Files.readAllLines(script).size();
        Files.writeString(script, Files.readString(script) + "var t = `模板`;\n");
        Cli.Run r = Cli.run("build", "--theme", theme.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("build: failed: ") && r.err().contains("kaoping-input.js:" + (lines + 1)
                + ": a template literal"), r.all());
        assertTrue(r.err().contains(out + " is unchanged"), r.all());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("index.html"))), "the previous site stays");
    }

    @Test
    void aFailedCheckIsSaidBeforeABrokenTemplate(@TempDir Path tmp) throws Exception {
        Path theme = SiteBuild.copy(SiteBuild.THEME, tmp.resolve("theme"));
        Files.writeString(theme.resolve("templates/home.mustache"), "{{#unclosed}}\n");
        Path content = SiteBuild.copy(SiteBuild.CONTENT, tmp.resolve("content"));
        Files.writeString(content.resolve("site.json"), "{");
        Cli.Run r = Cli.run("build", "--content", content.toString(), "--theme", theme.toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("build: refused: check found"), r.all());
        assertFalse(r.all().contains("mustache"), "the template is not reached: " + r.all());
    }
}
