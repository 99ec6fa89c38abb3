package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's findings over the real command line and a scratch copy of the sample: bounded numbers,
 * one reader for every file, symbolic links, the lock, and the smaller findings. Each asserts the
 * located message as well as the outcome.
 */
class PublishingTrustTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path content() {
        return SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
    }

    private Path rubrics() {
        return SiteBuild.copy(SiteBuild.RUBRICS, temp.resolve("rubrics"));
    }

    private static Cli.Run check(Path content, Path rubrics) {
        return Cli.run("check", "--content", content.toString(), "--rubrics", rubrics.toString());
    }

    private static Cli.Run build(Path content, Path rubrics, Path out, String... more) {
        String[] base = {"build", "--content", content.toString(), "--rubrics", rubrics.toString(),
                "--theme", SiteBuild.THEME.toString(), "--out", out.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    /** No stack trace, no line longer than a message should be. */
    private static void noTrace(Cli.Run r) {
        assertFalse(r.all().contains("\tat ") || r.all().contains("Exception in thread"), r.all());
        for (String line : r.all().split("\n")) {
            assertTrue(line.length() < 1200, "a " + line.length() + "-character line");
        }
    }

    @Test
    void hugeFiguresAreRefusedAtLoadWithTheirPlaceAndAShortMessage() {
        Path content = content();
        Path period = content.resolve("periods/2023-q2.json");
        SiteBuild.write(period, SiteBuild.read(period).replaceFirst("\"total\": 97.32", "\"total\": 1e999999999"));
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(content, SiteBuild.RUBRICS));
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().matches("(?s).*2023-q2\\.json:19:18: error: \\$\\.results\\[0]\\.published\\.total: number "
                + "\"1e999999999\" is out of range.*"), r.out());
    }

    @Test
    void aGivenComponentBeyondTheRubricsTotalIsAnErrorAndTheBuildNeverStarts() {
        Path content = content();
        Path period = content.resolve("periods/2023-q2.json");
        SiteBuild.write(period, SiteBuild.read(period).replaceFirst("\"onsite\": 99,", "\"onsite\": 90500000,"));
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> build(content, SiteBuild.RUBRICS, temp.resolve("out")));
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("2023-q2.json:15:19: error: $.results[0].components.onsite: component value 90500000 "
                + "is outside 0–100, the rubric's total"), r.out());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void aRubricWithAByteOrderMarkIsReadTheSameByCheckAndBuild() throws IOException {
        Path rubrics = rubrics();
        Path f = rubrics.resolve("lushan-2022.json");
        byte[] plain = Files.readAllBytes(f);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        Files.write(f, bom);
        Cli.Run c = check(SiteBuild.CONTENT, rubrics);
        assertEquals(0, c.exitCode(), c.all());
        Cli.Run b = build(SiteBuild.CONTENT, rubrics, temp.resolve("out"));
        noTrace(b);
        assertEquals(0, b.exitCode(), b.all());
        assertEquals(JSON.readTree(SiteBuild.read(temp.resolve("out/assets/rubrics/lushan-2022.json"))).get("title"),
                JSON.readTree(plain).get("title"));
    }

    @Test
    void linksFoldersPipesAndDevicesNamedJsonAreRefusedByNameAndNeverHang() throws Exception {
        Path content = content();
        Path periods = content.resolve("periods");
        Files.createSymbolicLink(periods.resolve("dangling.json"), temp.resolve("nowhere.json"));
        Files.createSymbolicLink(periods.resolve("zero.json"), Path.of("/dev/zero"));
        Files.createDirectory(periods.resolve("folder.json"));
        Files.createSymbolicLink(content.resolve("sheets/gone"), temp.resolve("nowhere"));
        Path fifo = periods.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(content, SiteBuild.RUBRICS));
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("dangling.json:1:1: error: symbolic link to a file that does not exist"), r.out());
        assertTrue(r.out().contains("sheets/gone:1:1: warning: ignored: sheets/ holds one folder per period"), r.out());
        for (String name : List.of("zero.json", "folder.json", "pipe.json")) {
            assertTrue(r.out().contains(name + ":1:1: error: not a regular file"), name + "\n" + r.out());
        }
        Cli.Run s = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("score", fifo.toString()));
        assertEquals(1, s.exitCode());
        assertTrue(s.err().contains("pipe.json:1:1: error: not a regular file"), s.err());
    }

    @Test
    void loneSurrogatesAndBidiControlsAreRefusedWhereTheyStand() {
        Path content = content();
        Path stations = content.resolve("stations.json");
        String text = SiteBuild.read(stations);
        SiteBuild.write(stations, text.replaceFirst("\"name\": \"观音寺司法所\"", "\"name\": \"观音寺\\\\u202e所法司\"")
                .replaceFirst("\"name\": \"张良司法所\"", "\"name\": \"张良\\\\ud800司法所\""));
        Cli.Run r = check(content, SiteBuild.RUBRICS);
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("stations.json:5:15: error: $.stations[0].name: bidirectional control character U+202E"),
                r.out());
        // One error per file: the parse stops at the first refused value.
        SiteBuild.write(stations, text.replaceFirst("\"name\": \"张良司法所\"", "\"name\": \"张良\\\\ud800司法所\""));
        r = check(content, SiteBuild.RUBRICS);
        assertTrue(r.out().matches("(?s).*stations\\.json:15:\\d+: error: \\$\\.stations\\[1]\\.name: lone surrogate \\\\uD800.*"),
                r.out());
    }

    @Test
    void aMegabyteNameIsRefusedAndALongOneQuotedShort() {
        Path content = content();
        Path period = content.resolve("periods/2023-q2.json");
        String text = SiteBuild.read(period);
        SiteBuild.write(period, text.replaceFirst("\"station\": \"kuqu\"", "\"station\": \"" + "库".repeat(1_000_000) + "\""));
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(content, SiteBuild.RUBRICS));
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("2023-q2.json:12:18: error: $.results[0].station: text of 1000000 characters"), r.out());
        SiteBuild.write(period, text.replaceFirst("\"station\": \"kuqu\"", "\"station\": \"" + "库".repeat(15_000) + "\""));
        r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(content, SiteBuild.RUBRICS));
        noTrace(r);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("more characters"), r.out());
    }

    @Test
    void aRepeatedStationOrTwoStationsWithOneIdAreErrors() throws IOException {
        Path content = content();
        Path stations = content.resolve("stations.json");
        ObjectNode registry = (ObjectNode) JSON.readTree(stations.toFile());
        ArrayNode list = (ArrayNode) registry.get("stations");
        list.add(list.get(0).deepCopy());
        Files.writeString(stations, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(registry));
        Cli.Run r = check(content, SiteBuild.RUBRICS);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("error: $.stations[25].id: duplicate station id \"guanyinsi\" (already $.stations[0])"),
                r.out());
        ObjectNode other = list.get(1).deepCopy();
        other.put("id", "guanyinsi");
        list.set(25, other);
        Files.writeString(stations, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(registry));
        r = check(content, SiteBuild.RUBRICS);
        assertTrue(r.out().contains("error: $.stations[25].id: duplicate station id \"guanyinsi\""), r.out());
    }

    @Test
    void sectionIdsXAndXhGiveDistinctHtmlIds() throws IOException {
        Path rubrics = rubrics();
        Path f = rubrics.resolve("lushan-2022.json");
        SiteBuild.write(f, SiteBuild.read(f).replaceFirst("\"id\": \"s2\"", "\"id\": \"s1-h\""));
        Cli.Run r = build(SiteBuild.CONTENT, rubrics, temp.resolve("out"));
        assertEquals(0, r.exitCode(), r.all());
        for (Path html : SiteBuild.htmlFiles(temp.resolve("out"))) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            Set<String> ids = new HashSet<>();
            for (Element e : doc.select("[id]")) {
                assertTrue(ids.add(e.id()), html + ": duplicate id " + e.id());
            }
        }
    }

    @Test
    void aContentFolderGivenAsALinkIsFingerprintedAndGuardedAsItsTarget() throws IOException {
        Path content = content();
        Path link = temp.resolve("content-link");
        Files.createSymbolicLink(link, content.toAbsolutePath());
        assertEquals(Fingerprint.of(content, SiteBuild.RUBRICS), Fingerprint.of(link, SiteBuild.RUBRICS));
        Path sheet = content.resolve("sheets/2022-annual/kuqu.json");
        Fingerprint before = Fingerprint.of(link, SiteBuild.RUBRICS);
        SiteBuild.write(sheet, SiteBuild.read(sheet).replace("2022 法援台账无记录", "2022 法援台账无记录。"));
        assertNotEquals(before, Fingerprint.of(link, SiteBuild.RUBRICS), "different data, different version");
        // Content named through the link, the output inside its real folder: the paths differ, the folders do not.
        Cli.Run r = build(link, SiteBuild.RUBRICS, content.resolve("site"));
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.err().contains("overlaps the input folder"), r.err());
        assertFalse(Files.exists(content.resolve("site")));
        // And the other way round: real content, the output named through the link.
        r = build(content, SiteBuild.RUBRICS, link.resolve("site"));
        assertEquals(3, r.exitCode(), r.all());
        assertFalse(Files.exists(content.resolve("site")));
    }

    @Test
    void aSecondBuildToOneFolderIsRefusedWithExitThree() {
        Path out = temp.resolve("out");
        try (var held = org.kaoping.write.OutputFolder.open(out, List.of())) {
            Cli.Run r = build(SiteBuild.CONTENT, SiteBuild.RUBRICS, out);
            assertEquals(3, r.exitCode(), r.all());
            assertTrue(r.err().contains("another build is writing to"), r.err());
        }
        assertEquals(0, build(SiteBuild.CONTENT, SiteBuild.RUBRICS, out).exitCode());
        Cli.Run v = Cli.run("verify", out.toString());
        assertEquals(0, v.exitCode(), v.all());
        SiteBuild.write(out.resolve("index.html"), "defaced");
        v = Cli.run("verify", out.toString());
        assertEquals(1, v.exitCode());
        assertTrue(v.out().contains("changed: index.html"), v.out());
    }

    @Test
    void nothingOutsideTheOutputIsWrittenAndTheLockFileIsTheOnlyTrace() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(0, build(SiteBuild.CONTENT, SiteBuild.RUBRICS, out).exitCode());
        try (var s = Files.list(temp)) {
            assertEquals(Set.of("out", "out.lock"),
                    new HashSet<>(s.map(p -> p.getFileName().toString()).toList()));
        }
        // The lock file holds only the memo of the files the build left (write/IdentityMemo): each with its digest.
        List<String> memo = Files.readAllLines(temp.resolve("out.lock"), StandardCharsets.UTF_8);
        assertEquals("kaoping-identities 1", memo.get(0));
        var listed = new java.util.TreeMap<String, String>();
        for (String l : Files.readAllLines(out.resolve(".kaoping-output"), StandardCharsets.UTF_8)) {
            if (l.matches("[0-9a-f]{64}  .+")) {
                listed.put(l.substring(66), l.substring(0, 64));
            }
        }
        var remembered = new java.util.TreeMap<String, String>();
        for (String l : memo.subList(1, memo.size())) {
            String[] f = l.split(" ");
            remembered.put(f[6], f[0]);
        }
        assertEquals(listed, remembered);
        JsonNode marker = JSON.valueToTree(Files.readAllLines(out.resolve(".kaoping-output"), StandardCharsets.UTF_8).get(0));
        assertEquals("kaoping-output 2 public", marker.asText());
    }
}
