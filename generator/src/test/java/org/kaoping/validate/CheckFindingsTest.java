package org.kaoping.validate;

import org.junit.jupiter.api.parallel.Isolated;
import org.kaoping.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kaoping check` on the shipped data and on broken copies: one finding per line as
 * path:line:col: error|warning: message, a summary, exit 1 on errors.
 */
@Isolated // swaps System.out (support/Locks)
class CheckFindingsTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out) {
        List<String> errors() {
            return out.lines().filter(l -> l.contains(": error: ")).toList();
        }
    }

    static Run check(String... args) {
        var buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            var cmd = new picocli.CommandLine(new Main());
            cmd.setOut(new java.io.PrintWriter(ps, true));
            int exit = cmd.execute(args);
            ps.flush();
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    @DisplayName("the shipped rubrics and content pass: exit 0")
    void shippedPasses() {
        Run r = check("check");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("check: 0 errors"), r.out());
        Run rubrics = check("check", "--rubrics-only");
        assertEquals(0, rubrics.exit(), rubrics.out());
    }

    private Path rubricsCopy() throws IOException {
        Path dir = tmp.resolve("rubrics");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("rubrics"))) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    /** Rewrites the first occurrence of {@code from} in a rubric copy. */
    private Path broken(String rubric, String from, String to) throws IOException {
        Path dir = rubricsCopy();
        Path f = dir.resolve(rubric + ".json");
        String text = Files.readString(f);
        assertTrue(text.contains(from), "fixture anchor missing: " + from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a malformed rubric names file, line, column and what was expected")
    @CsvSource(delimiterString = "|", value = {
            "unknown field    | \"issuer\": | \"isuer\": \"x\", \"issuer\": | isuer",
            "duplicate key    | \"scale\": 2, | \"scale\": 2, \"scale\": 3, | duplicate key",
            "wrong type       | \"total\": 100, | \"total\": \"100\", | total",
            "missing field    | \"year\": 2022, | | year",
            "trailing garbage | \"id\": \"lushan-2022\", | \"id\": \"lushan-2022\", ]] | invalid JSON",
    })
    void malformed(String name, String from, String to, String expected) throws IOException {
        Path dir = broken("lushan-2022", from.strip(), to == null ? "" : to.strip());
        Run r = check("check", "--rubrics-only", "--rubrics", dir.toString());
        assertEquals(1, r.exit(), r.out());
        String line = r.errors().stream().filter(l -> l.contains("lushan-2022.json")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(line.matches(".*lushan-2022\\.json:\\d+:\\d+: error: .*"), line);
        assertTrue(line.contains(expected), line);
    }

    @Test
    @DisplayName("criteria that do not add up to their section are reported at the section's points")
    void sumMismatch() throws IOException {
        // 一.2 固定资产管理 2分 → 3分: section 一 then adds up to 9 against its printed 8
        Path dir2 = tmp.resolve("r2");
        Files.createDirectories(dir2);
        String text = Files.readString(Path.of("rubrics/lushan-2022.json"));
        int at = text.indexOf("\"content\": \"固定资产管理。\"");
        int pts = text.indexOf("\"points\": 2", at);
        Files.writeString(dir2.resolve("lushan-2022.json"), text.substring(0, pts) + "\"points\": 3" + text.substring(pts + 11));
        Run r = check("check", "--rubrics-only", "--rubrics", dir2.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.errors().stream().anyMatch(l -> l.contains("add up to 9, not its 8 points")), r.out());
        assertEquals(1, r.errors().size(), r.out());
    }

    @Test
    @DisplayName("the raw 库区 sheet (一.1 = 6.5) is caught twice: over its maximum, and the sum 99.4 ≠ 94.4")
    void rawKuqu() throws IOException {
        Path content = contentCopy();
        Path sheet = content.resolve("sheets/2022-annual/kuqu.json");
        Files.copy(Path.of("generator/src/test/resources/fixtures/kuqu-2022-raw.json"), sheet,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> lines = Files.readAllLines(sheet);
        int scoreLine = -1;
        int totalLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("6.5") && scoreLine < 0) {
                scoreLine = i + 1;
            }
            if (lines.get(i).contains("\"recordedTotal\"")) {
                totalLine = i + 1;
            }
        }
        Run r = check("check", "--content", content.toString());
        assertEquals(1, r.exit(), r.out());
        String prefix = sheet.toString() + ":";
        int sl = scoreLine;
        int tl = totalLine;
        assertTrue(r.errors().stream().anyMatch(l -> l.startsWith(prefix + sl + ":") && l.contains("scores 6.5, outside 0 to its maximum 2")), r.out());
        assertTrue(r.errors().stream().anyMatch(l -> l.startsWith(prefix + tl + ":") && l.contains("add up to 99.4, but the recorded total is 94.4")), r.out());
    }

    @Test
    @DisplayName("content errors: a station twice, an unknown name with suggestions, a missing criterion, a bad rubric name")
    void contentErrors() throws IOException {
        Path content = contentCopy();
        Path q2 = content.resolve("periods/2023-q2.json");
        String text = Files.readString(q2);
        text = text.replaceFirst("\"station\": \"luyang\"", "\"station\": \"kuqu\"");
        text = text.replaceFirst("\"station\": \"tumen\"", "\"station\": \"土们\"");
        Files.writeString(q2, text);
        Path q1 = content.resolve("periods/2023-q1.json");
        Files.writeString(q1, Files.readString(q1).replace("\"rubric\": \"lushan-2023\"", "\"rubric\": \"lushan-2024\""));
        Path sheet = content.resolve("sheets/2022-annual/beizi.json");
        String s = Files.readString(sheet);
        int at = s.indexOf("\"15.4\"");
        int end = s.indexOf('}', at);
        Files.writeString(sheet, s.substring(0, at) + "\"x\": {}" + s.substring(end + 1));
        Run r = check("check", "--content", content.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("station kuqu appears twice in period 2023-q2"), r.out());
        assertTrue(r.out().contains("unknown station \"土们\"; closest known: 土门司法所 (tumen)"), r.out());
        assertTrue(r.out().contains("unknown rubric \"lushan-2024\""), r.out());
        assertTrue(r.out().contains("criterion 十五.4") || r.out().contains("(15.4) is missing"), r.out());
        assertTrue(r.out().contains("warning: $.results: station 鲁阳司法所 (luyang) is missing from period 2023-q2"), r.out());
    }

    @Test
    @DisplayName("a published figure that the data does not reproduce is a warning, not silence")
    void publishedMismatchWarns() throws IOException {
        Path content = contentCopy();
        Path q2 = content.resolve("periods/2023-q2.json");
        Files.writeString(q2, Files.readString(q2).replaceFirst("\"evaluation\": 94.8", "\"evaluation\": 94.9"));
        Run r = check("check", "--content", content.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("warning: $.results[0].published.total: kuqu: computed total 97.36 differs from the published 97.32"), r.out());
    }

    /** A scratch copy of the shipped content/ to break on purpose. */
    private Path contentCopy() throws IOException {
        Path content = tmp.resolve("content");
        copyTree(Path.of("content"), content);
        return content;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    @DisplayName("a result may name its station by any alias: 魏子营 (an OCR variant) is 磙子营")
    void resultByAlias() throws IOException {
        Path content = contentCopy();
        Path q1 = content.resolve("periods/2023-q1.json");
        String text = Files.readString(q1);
        assertTrue(text.contains("\"station\": \"gunziying\""));
        Files.writeString(q1, text.replace("\"station\": \"gunziying\"", "\"station\": \"魏子营司法所\""));
        Run r = check("check", "--content", content.toString());
        assertEquals(0, r.exit(), r.out());
        var corpus = new org.kaoping.load.CorpusLoader().load(content, Path.of("rubrics"));
        var period = corpus.periods().stream().map(p -> p.value()).filter(p -> p.id().equals("2023-q1")).findFirst().orElseThrow();
        assertEquals("gunziying", period.results().get(1).station());
    }

    @Test
    @DisplayName("a lost point without 扣分原因 is a warning a careful assessor wants")
    void lostPointWithoutReason() throws IOException {
        Path content = contentCopy();
        Path sheet = content.resolve("sheets/2022-annual/guanyinsi.json");
        String text = Files.readString(sheet);
        assertTrue(text.contains("\"reason\": \"民生领域月报表有部分缺少\""), "fixture anchor");
        Files.writeString(sheet, text.replace(", \"reason\": \"民生领域月报表有部分缺少\"", "")
                .replace(",\n      \"reason\": \"民生领域月报表有部分缺少\"", ""));
        Run r = check("check", "--content", content.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("warning: $.criteria[\"4.1\"].score: criterion 四 lost 0.5 point(s) but gives no reason (扣分原因)"), r.out());
    }
}
