package org.kaoping.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.LiveServer;
import org.kaoping.load.FileDigest;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.FingerprintFiles;
import org.kaoping.support.Cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `serve` shows its site from memory, pages made when asked for ({@link Preview}), and rebuilds only what changed
 * sheets touch: every file it serves over HTTP must be the file a fresh `kaoping build` of the same input writes
 * (pages with the reload script added, nothing else), after the first build, after sheet changes (the quick path),
 * after a broken sheet is fixed and after other changes; the output folder written afterwards must be that build
 * too, and nothing outside the site may be served.
 */
class ServePreviewTest {
    private static final String TAG = "<script src=\"/__kaoping/live.js\"></script>";
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private int fresh;

    @Test
    @DisplayName("the served site equals a fresh build after the first build, sheet edits, a broken and fixed sheet and a period edit")
    void servedEqualsFreshBuild() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Folders f = folders(content);
        List<BuildOutcome> told = new CopyOnWriteArrayList<>();
        try (ServeCommand.Session session = ServeCommand.Session.open(f, 0, told::add)) {
            LiveServer server = session.server();
            server.start(List.of(f.content, f.rubrics, f.theme));
            int port = server.port();
            assertTrue(told.get(0).ok(), told.get(0).report());
            Map<String, byte[]> first = fresh(content);
            assertServed(port, first);
            session.writes().await();
            assertSameFiles(first, files(f.out)); // the output folder, written after the preview

            // One sheet's 扣分原因 changes: only that sheet is loaded and its period checked again.
            Path sheet = content.resolve("sheets/2023-q1/qintai.json");
            String original = Files.readString(sheet);
            Files.writeString(sheet, original.replace("少一岗双责指标材料。", "少一岗双责考核材料。"));
            waitFor(told, o -> o.report().contains("重新检查了1 个评分表"));
            Map<String, byte[]> second = fresh(content);
            assertTrue(new String(second.get("stations/qintai.html"), StandardCharsets.UTF_8).contains("少一岗双责考核材料"));
            assertServed(port, second);

            // The same size and modification time (an edit within one clock tick): still seen.
            FileTime time = Files.getLastModifiedTime(sheet);
            Files.writeString(sheet, original.replace("少一岗双责指标材料。", "少一岗双责台账材料。"));
            Files.setLastModifiedTime(sheet, time);
            waitFor(told, o -> o.report().contains("data version " + Fingerprint.of(content, f.rubrics).shortForm()));
            Map<String, byte[]> good = fresh(content);
            assertServed(port, good);

            // A broken sheet: the last good site stays served (its period cannot be ranked either: an error in the
            // period's file too); the fix takes the quick path again.
            // Pending output writes first: one starting after the break would fail too and be told alongside.
            session.writes().await();
            Files.writeString(sheet, original.replace("\"score\": 5.5", "\"score\": \"五\""));
            waitFor(told, o -> !o.ok() && o.report().contains("qintai.json"));
            BuildOutcome failed = told.stream().filter(o -> !o.ok()).findFirst().orElseThrow();
            String whole = fullCheck(f);
            assertTrue(failed.report().startsWith(whole), () -> "the quick check finds what the whole check finds:\n"
                    + failed.report() + "\n---\n" + whole);
            assertServed(port, good);
            Files.writeString(sheet, original.replace("少一岗双责指标材料。", "少一岗双责备案材料。"));
            waitFor(told, o -> o.ok() && o.report().contains("重新检查了1 个评分表")
                    && o.report().contains(Fingerprint.of(content, f.rubrics).shortForm()));
            assertServed(port, fresh(content));

            // Anything else (a period file): everything checked again.
            Path period = content.resolve("periods/2023-q2.json");
            Files.writeString(period, Files.readString(period).replaceFirst("\"evaluation\": 94.8", "\"evaluation\": 90.8"));
            waitFor(told, o -> o.report().contains("重新检查了全部文件")
                    && o.report().contains(Fingerprint.of(content, f.rubrics).shortForm()));
            Map<String, byte[]> last = fresh(content);
            assertServed(port, last);
            session.writes().await();
            assertSameFiles(last, files(f.out)); // the output folder after the last change

            // Nothing outside the site, nor its marker.
            for (String path : List.of("/../pom.xml", "/.kaoping-output", "/assets/../../pom.xml", "/%2e%2e/pom.xml",
                    "/stations/..%2f..%2fpom.xml", "/assets", "/nothing.html")) {
                assertEquals(404, get(port, path).statusCode(), path);
            }
        }
    }

    @Test
    @DisplayName("a paged province-like site: an older period's sheet changed, served equal to a fresh build; the data version equals a full digest")
    void pagedSite() throws Exception {
        Path content = tmp.resolve("c");
        assertEquals(0, Main.run("sample", "--stations", "120", "--periods", "2", "--seed", "3", "--out", content.toString()));
        Folders f = folders(content);
        List<BuildOutcome> told = new CopyOnWriteArrayList<>();
        try (ServeCommand.Session session = ServeCommand.Session.open(f, 0, told::add)) {
            session.server().start(List.of(f.content, f.rubrics, f.theme));
            int port = session.server().port();
            assertTrue(told.get(0).ok(), told.get(0).report());
            Path dir;
            try (Stream<Path> s = Files.list(content.resolve("sheets"))) {
                dir = s.sorted().findFirst().orElseThrow();
            }
            Path sheet;
            try (Stream<Path> s = Files.list(dir)) {
                sheet = s.sorted().skip(7).findFirst().orElseThrow();
            }
            String json = Files.readString(sheet);
            assertTrue(json.contains("\"reason\""));
            Files.writeString(sheet, json.replaceFirst("(\"reason\"\\s*:\\s*\")", "$1复核："));
            String version = Fingerprint.of(content, f.rubrics).shortForm();
            waitFor(told, o -> o.report().contains("重新检查了1 个评分表") && o.report().contains(version));
            Map<String, byte[]> built = fresh(content);
            // Every station's own .csv of its sheets (no .csv per sheet in a paged period) is among what is served.
            assertEquals(120, built.keySet().stream().filter(p -> p.startsWith("downloads/stations/")).count());
            assertTrue(built.keySet().stream().noneMatch(p -> p.matches("downloads/[^/]+/[^/]+-s\\d+\\.csv")));
            assertServed(port, built);
            for (String path : List.of("/downloads/stations/nobody.csv", "/downloads/stations/S00001.csv",
                    "/downloads/stations/..%2f..%2fpom.xml", "/downloads/stations/s00001.html", "/downloads/stations/")) {
                assertEquals(404, get(port, path).statusCode(), path);
            }
            session.writes().await();
        }
        FingerprintFiles version = FingerprintFiles.of(content, f.rubrics, Map.of());
        Path one;
        try (Stream<Path> s = Files.walk(content.resolve("sheets"))) {
            one = s.filter(Files::isRegularFile).sorted().skip(3).findFirst().orElseThrow();
        }
        Files.writeString(one, Files.readString(one) + " ");
        assertEquals(Fingerprint.of(content, f.rubrics),
                version.after(Map.of(one, FileDigest.of(Files.readAllBytes(one)))).fingerprint());
    }

    @Test
    @DisplayName("a page that cannot be made when asked for answers 500 with the reason, in Chinese")
    void pageThatFails() throws Exception {
        try (LiveServer server = new LiveServer(0, c -> new BuildOutcome(true, "", path -> {
            throw new IllegalStateException("模板缺少 name");
        }), o -> { })) {
            server.start(List.of());
            HttpResponse<byte[]> r = get(server.port(), "/index.html");
            assertEquals(500, r.statusCode());
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("页面生成失败：模板缺少 name"));
        }
    }

    private Folders folders(Path content) {
        Folders f = new Folders();
        f.content = content;
        f.rubrics = Path.of("rubrics");
        f.theme = Path.of("site-theme");
        f.out = tmp.resolve("site");
        return f;
    }

    private static void waitFor(List<BuildOutcome> told, Predicate<BuildOutcome> until) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (told.stream().anyMatch(until)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no build as expected; told:\n" + told.stream().map(BuildOutcome::report).toList());
    }

    /** Every file of the fresh build, fetched over HTTP: the same bytes (a page with the reload script added). */
    private void assertServed(int port, Map<String, byte[]> site) throws Exception {
        for (var e : site.entrySet()) {
            String path = e.getKey();
            HttpResponse<byte[]> r = get(port, "/" + path);
            if (path.startsWith(".")) {
                assertEquals(404, r.statusCode(), path + " is the marker: never served");
                continue;
            }
            assertEquals(200, r.statusCode(), path);
            byte[] body = r.body();
            if (path.endsWith(".html")) {
                String page = new String(body, StandardCharsets.UTF_8);
                assertTrue(page.contains(TAG), path);
                body = page.replace(TAG, "").replace("connect-src &#39;self&#39;", "connect-src &#39;none&#39;")
                        .getBytes(StandardCharsets.UTF_8);
            }
            assertArrayEquals(e.getValue(), body, path);
        }
    }

    /** What `check` prints for the input, findings only. */
    private static String fullCheck(Folders f) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(text, true);
        CheckCommand.print(new java.util.ArrayList<>(CheckCommand.checkAndLoad(f).diagnostics()), w);
        assertFalse(text.toString().isEmpty());
        return text.toString();
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private HttpResponse<byte[]> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A fresh `kaoping build` of the same input (no cache), its files by path. */
    private Map<String, byte[]> fresh(Path content) throws Exception {
        Path out = tmp.resolve("fresh-" + fresh++);
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()));
        return files(out);
    }

    private static Map<String, byte[]> files(Path site) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertNotNull(out.get(".kaoping-output"));
        return out;
    }
}
