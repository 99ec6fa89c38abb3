package org.kaoping.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, atomicity and the output folder's safety rules, over real builds. */
class BuildSafetyTest {
    @TempDir
    Path temp;

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        assertEquals(0, SiteBuild.buildShipped(a).exitCode());
        assertEquals(0, SiteBuild.buildShipped(b).exitCode());
        Map<String, byte[]> first = SiteBuild.snapshot(a);
        Map<String, byte[]> second = SiteBuild.snapshot(b);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
        // A rebuild over the previous output gives the same bytes again.
        assertEquals(0, SiteBuild.buildShipped(a).exitCode());
        Map<String, byte[]> third = SiteBuild.snapshot(a);
        assertEquals(first.keySet(), third.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, third.get(path), path));
    }

    @Test
    void aDataVersionThatCannotBeDigestedFailsTheBuildAndLeavesThePreviousOutput() throws IOException {
        // The data version's walk finds the files the loader does not read, links followed; a loop must end the build.
        Path out = temp.resolve("out");
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        Map<String, byte[]> before = SiteBuild.snapshot(out);
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Files.createDirectories(content.resolve("notes"));
        Files.createSymbolicLink(content.resolve("notes/loop"), content); // not read by the loader, walked by the digest
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, out);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("while computing the data version") && r.err().contains("linked into itself"), r.err());
        assertTrue(r.err().contains("unchanged"), r.err());
        Map<String, byte[]> after = SiteBuild.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void aBuildThatFailsHalfwayLeavesThePreviousOutputIntact() {
        Path out = temp.resolve("out");
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        Map<String, byte[]> before = SiteBuild.snapshot(out);
        // Rubric pages are written after the home, period and station pages: break their template.
        Path theme = SiteBuild.copy(SiteBuild.THEME, temp.resolve("theme"));
        Path rubricTemplate = theme.resolve("templates/rubric.mustache");
        SiteBuild.write(rubricTemplate, "<p>{{heading}}</p>\n<p>{{noSuchValue}}</p>\n" + SiteBuild.read(rubricTemplate));
        SiteBuild.Result r = SiteBuild.build(SiteBuild.CONTENT, SiteBuild.RUBRICS, theme, out);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("rubric.mustache:2"), r.err());
        assertTrue(r.err().contains("noSuchValue"), r.err());
        assertTrue(r.err().contains("unchanged"), r.err());
        Map<String, byte[]> after = SiteBuild.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertFalse(Files.exists(temp.resolve("out.staging")), "staging folder left behind");
        assertFalse(Files.exists(temp.resolve("out.previous")), "previous folder left behind");
    }

    @Test
    void aScriptInAReasonArrivesEscaped() throws IOException {
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Path sheet = content.resolve("sheets/2022-annual/kuqu.json");
        String evil = "<script>alert(\\\"x\\\")</script> & <b>bold</b>";
        SiteBuild.write(sheet, SiteBuild.read(sheet).replace("\"2022 法援台账无记录\"", "\"" + evil + "\""));
        Path out = temp.resolve("out");
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, out);
        assertEquals(0, r.exitCode(), r.all());
        String html = Files.readString(out.resolve("stations/kuqu.html"));
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), "escaped text");
        assertFalse(html.contains("<script>alert"), "raw script");
        Document doc = Jsoup.parse(html);
        assertEquals(1, doc.select("script").size(), "only the site script");
        assertTrue(doc.select("b").isEmpty());
        assertTrue(doc.text().contains("<script>alert(\"x\")</script> & <b>bold</b>"), "shown as text");
    }

    @Test
    void refusesAFolderThatIsNotAKaopingOutputAndTouchesNothingInIt() throws IOException {
        Path out = temp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "my own notes");
        SiteBuild.Result r = SiteBuild.buildShipped(out);
        assertEquals(3, r.exitCode(), "output refused");
        assertTrue(r.err().contains("not a Kaoping output"), r.err());
        assertEquals("my own notes", Files.readString(out.resolve("notes.txt")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count());
        }
        assertFalse(Files.exists(temp.resolve("mine.staging")));
    }

    @Test
    void refusesAPreviousOutputThatHoldsFilesKaopingDidNotWrite() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        Files.writeString(out.resolve("stations/extra.txt"), "added by hand");
        SiteBuild.Result r = SiteBuild.buildShipped(out);
        assertEquals(3, r.exitCode(), "output refused");
        assertTrue(r.err().contains("stations/extra.txt"), r.err());
        assertEquals("added by hand", Files.readString(out.resolve("stations/extra.txt")));
    }

    @Test
    void anEmptyCheckoutFolderIsAcceptedAndItsPlaceholderKept() throws IOException {
        Path out = temp.resolve("output");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".gitkeep"), "");
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        assertTrue(Files.exists(out.resolve(".gitkeep")));
        assertTrue(Files.exists(out.resolve("index.html")));
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        assertTrue(Files.exists(out.resolve(".gitkeep")));
    }

    @Test
    void removedContentLeavesNoStaleFiles() throws IOException {
        Path rubrics = SiteBuild.copy(SiteBuild.RUBRICS, temp.resolve("rubrics"));
        // A rubric no period uses: one of the examples', added for this build only.
        Files.copy(Path.of("examples/jiangsu-county/rubrics/jiangsu-county-2016.json"), rubrics.resolve("jiangsu-county-2016.json"));
        Path out = temp.resolve("out");
        assertEquals(0, SiteBuild.build(SiteBuild.CONTENT, rubrics, SiteBuild.THEME, out).exitCode());
        assertTrue(Files.exists(out.resolve("rubrics/jiangsu-county-2016.html")));
        Files.delete(rubrics.resolve("jiangsu-county-2016.json")); // no period uses it
        SiteBuild.Result r = SiteBuild.build(SiteBuild.CONTENT, rubrics, SiteBuild.THEME, out);
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(Files.exists(out.resolve("rubrics/jiangsu-county-2016.html")));
        assertFalse(Files.exists(out.resolve("assets/rubrics/jiangsu-county-2016.json")));
    }

    @Test
    void checkErrorsRefuseTheBuildInTheCheckFormat() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(0, SiteBuild.buildShipped(out).exitCode());
        Map<String, byte[]> before = SiteBuild.snapshot(out);
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Path period = content.resolve("periods/2023-q2.json");
        SiteBuild.write(period, SiteBuild.read(period).replaceFirst("\"station\": \"kuqu\"", "\"station\": \"kuqq\""));
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, out);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().matches("(?s).*2023-q2\\.json:\\d+:\\d+: error: .*"), r.out());
        assertTrue(r.out().contains("build: refused"), r.out());
        assertEquals(before.keySet(), SiteBuild.snapshot(out).keySet());
    }

    @Test
    void notApplicableCriteriaAndVetoesAreStatedApartFromTheScore() throws IOException {
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Path sheet = content.resolve("sheets/2022-annual/guanyinsi.json");
        String text = SiteBuild.read(sheet)
                .replace("\"15.4\": {\n      \"score\": 1\n    }", "\"15.4\": {\n      \"notApplicable\": true\n    }")
                .replace("\"vetoes\": []", "\"vetoes\": [\"staff-misconduct\"]")
                .replace("\"recordedTotal\": 97.5", "\"recordedTotal\": 96.5");
        assertFalse(text.equals(SiteBuild.read(sheet)), "fixture edit applied");
        SiteBuild.write(sheet, text);
        Path out = temp.resolve("out");
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, out);
        assertEquals(0, r.exitCode(), r.all());
        Document doc = Jsoup.parse(out.resolve("stations/guanyinsi.html").toFile(), "UTF-8");
        String sheetText = doc.selectFirst("#sheet-2022-annual").text();
        assertTrue(sheetText.contains("满分相应由 100 分调整为 99 分"), sheetText);
        assertTrue(sheetText.contains("十五.4"), "the not-applicable criterion is named");
        assertFalse(doc.select("#sheet-2022-annual .veto-box").isEmpty(), "veto shown apart");
        Document period = Jsoup.parse(out.resolve("periods/2022-annual.html").toFile(), "UTF-8");
        var row = period.select("table.ranking tbody tr").stream()
                .filter(tr -> tr.text().contains("观音寺司法所")).findFirst().orElseThrow();
        assertTrue(row.hasClass("vetoed"), row.outerHtml());
    }

    @Test
    void assessorNotesAppearOnlyWhenTheSiteAsksForThem() throws IOException {
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Path siteJson = content.resolve("site.json");
        SiteBuild.write(siteJson, SiteBuild.read(siteJson).replaceFirst("\\{", "{\n  \"showAssessorNotes\": true,"));
        Path out = temp.resolve("out");
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, out);
        assertEquals(0, r.exitCode(), r.all());
        String kuqu = Files.readString(out.resolve("stations/kuqu.html"));
        assertTrue(kuqu.contains("内部备注"));
        assertTrue(kuqu.contains("Criterion 一.1 has a maximum of 2"), "correction note shown when configured");
    }

    @Test
    void anOutputFolderInsideTheInputsIsRefused() {
        SiteBuild.Result r = SiteBuild.buildShipped(SiteBuild.CONTENT.resolve("site"));
        assertEquals(3, r.exitCode(), "output refused");
        assertTrue(r.err().contains("overlaps the input folder"), r.err());
        assertFalse(Files.exists(SiteBuild.CONTENT.resolve("site")));
    }
}
