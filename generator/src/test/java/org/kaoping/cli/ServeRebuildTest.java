package org.kaoping.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.LiveServer;
import org.kaoping.support.Cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `serve` keeps what unchanged files gave between builds ({@link Rebuilds}): a rebuild after one sheet changed
 * must still be exactly a fresh build, marker included — also when the edit keeps the file's size and time —
 * and a broken sheet must leave the previous site as it was and reach the browser as the error overlay.
 */
class ServeRebuildTest {
    @TempDir
    Path tmp;

    private static final String SHEET = "sheets/2023-q1/qintai.json";
    private static final String REASON = "少一岗双责指标材料。";

    @Test
    @DisplayName("a rebuild after one changed sheet equals a fresh build byte for byte; a broken sheet leaves the site and shows the overlay")
    void rebuildEqualsFreshBuild() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path sheet = content.resolve(SHEET);
        Folders f = folders(content, tmp.resolve("site"));
        Rebuilds serve = new Rebuilds(f);
        assertTrue(serve.build().ok());

        // One sheet changes (its 扣分原因, same length in bytes): rebuilt as serve does, then compared with a fresh build.
        String original = Files.readString(sheet);
        assertTrue(original.contains(REASON));
        Files.writeString(sheet, original.replace(REASON, "少一岗双责考核材料。"));
        BuildOutcome second = serve.build();
        assertTrue(second.ok(), second.report());
        Map<String, byte[]> rebuilt = files(f.out);
        assertTrue(new String(rebuilt.get("stations/qintai.html"), StandardCharsets.UTF_8).contains("少一岗双责考核材料"),
                "the rebuild shows the changed sheet");
        assertSame(fresh(content, "fresh-1"), rebuilt);

        // An edit that keeps size and modification time (same clock tick): caught by the content hash.
        FileTime time = Files.getLastModifiedTime(sheet);
        Files.writeString(sheet, original.replace(REASON, "少一岗双责台账材料。"));
        Files.setLastModifiedTime(sheet, time);
        assertTrue(serve.build().ok());
        Map<String, byte[]> third = files(f.out);
        assertTrue(new String(third.get("stations/qintai.html"), StandardCharsets.UTF_8).contains("少一岗双责台账材料"));
        assertSame(fresh(content, "fresh-2"), third);

        // A broken sheet: the build fails, the previous site stays byte for byte, and the page is told.
        List<BuildOutcome> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServeCommand.Session session = ServeCommand.Session.open(f, 0, told::add)) {
            LiveServer server = session.server();
            server.start(List.of(f.content, f.rubrics, f.theme));
            session.writes().await();
            assertTrue(told.get(0).ok());
            assertTrue(told.get(1).ok(), "the output folder written after the preview");
            assertSame(third, files(f.out));
            Files.writeString(sheet, original.replace("\"score\": 5.5", "\"score\": \"五\""));
            long end = System.nanoTime() + 30_000_000_000L;
            while (told.size() < 3 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertEquals(3, told.size(), "the change was rebuilt");
            assertFalse(told.get(2).ok());
            assertTrue(told.get(2).report().contains("qintai.json"), told.get(2).report());
            session.writes().await();
            assertSame(third, files(f.out));
            String event = firstEvent(server.port());
            assertTrue(event.startsWith("event: failed\n") && event.contains("qintai.json"), event);
        }
    }

    private Folders folders(Path content, Path out) {
        Folders f = new Folders();
        f.content = content;
        f.rubrics = Path.of("rubrics");
        f.theme = Path.of("site-theme");
        f.out = out;
        return f;
    }

    /** A fresh `kaoping build` of the same input, in a process of its own making (no cache). */
    private Map<String, byte[]> fresh(Path content, String name) throws Exception {
        Path out = tmp.resolve(name);
        int code = Main.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, code);
        return files(out);
    }

    /** The event the stream sends a page that connects now: what live.js shows in its overlay. */
    private static String firstEvent(int port) throws Exception {
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/__kaoping/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            StringBuilder b = new StringBuilder();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                b.append(line).append('\n');
            }
            return b.toString();
        }
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        // The pages before the marker (which only lists their hashes), so that a failure names the page and line.
        List<String> keys = new java.util.ArrayList<>(expected.keySet());
        keys.sort(java.util.Comparator.comparing((String k) -> k.startsWith(".kaoping")).thenComparing(k -> k));
        for (String k : keys) {
            if (!Arrays.equals(expected.get(k), actual.get(k))) {
                List<String> e = new String(expected.get(k), StandardCharsets.UTF_8).lines().toList();
                List<String> a = new String(actual.get(k), StandardCharsets.UTF_8).lines().toList();
                int i = 0;
                while (i < Math.min(e.size(), a.size()) && e.get(i).equals(a.get(i))) {
                    i++;
                }
                assertEquals(i < e.size() ? e.get(i) : "(end)", i < a.size() ? a.get(i) : "(end)",
                        k + " differs from line " + (i + 1));
            }
        }
    }

    /** Every file of a site, marker included, by relative path. */
    private static Map<String, byte[]> files(Path site) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertTrue(out.containsKey(".kaoping-output"));
        return out;
    }
}
