package org.kaoping.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build handed to a second JVM with a bounded heap (cli/BoundedHeap) makes the same site, passes its exit codes
 * on, and falls back to the default heap when the bound is too small. {@code -Dkaoping.heap.from=1} makes the small
 * example count as large.
 */
class BoundedHeapJarIT {
    static final String[] CONTENT = {"--content", "examples/rule-patterns/content", "--rubrics", "examples/rule-patterns/rubrics"};
    static final String HANDED_ON = "的第二个 JVM 中运行";

    @TempDir
    Path tmp;

    /** A build of the small example into this folder (ClassArchiveJarIT too). */
    static String[] build(Path out) {
        return Stream.concat(Stream.of("build"), Stream.concat(Stream.of(CONTENT), Stream.of("--out", out.toString())))
                .toArray(String[]::new);
    }

    @Test
    @DisplayName("a large build runs in a second JVM, writes the same site, and a bound too small falls back to the default heap")
    void sameSiteEitherWay() throws Exception {
        JarCheckIT.Result plain = JarCheckIT.run(build(tmp.resolve("plain")));
        assertEquals(0, plain.exit(), plain.out());
        assertFalse(plain.out().contains(HANDED_ON), "a small build stays in its process: " + plain.out());

        JarCheckIT.Result bounded = JarCheckIT.runWith(List.of("-Dkaoping.heap.from=1"), build(tmp.resolve("bounded")));
        assertEquals(0, bounded.exit(), bounded.out());
        assertTrue(bounded.out().contains("在堆上限 768 MB 的第二个 JVM 中运行"), bounded.out());
        assertSameFiles(tmp.resolve("plain"), tmp.resolve("bounded"));

        // 4 MB cannot hold a build: the child's OutOfMemoryError proves the bound reached it, and nothing is lost.
        JarCheckIT.Result tooSmall = JarCheckIT.runWith(List.of("-Dkaoping.heap.from=1", "-Dkaoping.heap.mb=4"),
                build(tmp.resolve("small")));
        assertEquals(0, tooSmall.exit(), tooSmall.out());
        assertTrue(tooSmall.out().contains("java.lang.OutOfMemoryError"), tooSmall.out());
        assertTrue(tooSmall.out().contains("堆上限 4 MB 不够用：改用 JVM 的默认堆在本进程中重新运行"), tooSmall.out());
        assertSameFiles(tmp.resolve("plain"), tmp.resolve("small"));
        assertFalse(Files.exists(tmp.resolve("small.staging")), "the child's staging folder is recovered");
    }

    @Test
    @DisplayName("the second JVM's exit codes reach the caller: 1 for check errors, 3 for a refused output folder")
    void exitCodesPassThrough() throws Exception {
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("mine.txt"), "not Kaoping's");
        JarCheckIT.Result refused = JarCheckIT.runWith(List.of("-Dkaoping.heap.from=1"), build(foreign));
        assertTrue(refused.out().contains(HANDED_ON), refused.out());
        assertEquals(3, refused.exit(), refused.out());
        assertEquals("not Kaoping's", Files.readString(foreign.resolve("mine.txt")));

        Path empty = tmp.resolve("empty-content");
        Files.createDirectories(empty.resolve("sheets/2026-q1"));
        Files.writeString(empty.resolve("sheets/2026-q1/a.json"), "{");
        JarCheckIT.Result failed = JarCheckIT.runWith(List.of("-Dkaoping.heap.from=1"), "check", "--content", empty.toString());
        assertTrue(failed.out().contains(HANDED_ON), failed.out());
        assertEquals(1, failed.exit(), failed.out());
        assertTrue(failed.out().contains("site.json:1:1: error: missing file"), failed.out());
    }

    @Test
    @DisplayName("a heap size given by the user is kept: no second JVM")
    void aChosenHeapIsKept() throws Exception {
        JarCheckIT.Result r = JarCheckIT.runWith(List.of("-Xmx512m", "-Dkaoping.heap.from=1"),
                Stream.concat(Stream.of("check"), Stream.of(CONTENT)).toArray(String[]::new));
        assertEquals(0, r.exit(), r.out());
        assertFalse(r.out().contains(HANDED_ON), r.out());
    }

    @Test
    @DisplayName("a large serve runs in a second JVM that serves the site, and ending the first process ends it")
    void serveInASecondJvm() throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkaoping.heap.from=1", "-jar", JarCheckIT.JAR.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(CONTENT));
        cmd.addAll(List.of("--out", tmp.resolve("served").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            StringBuffer out = new StringBuffer();
            java.util.concurrent.CompletableFuture<String> address = new java.util.concurrent.CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        out.append(line).append('\n');
                        var m = java.util.regex.Pattern.compile("serve: (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
                        if (m.find()) {
                            address.complete(m.group(1));
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                address.complete(null);
            });
            reader.setDaemon(true);
            reader.start();
            String url = address.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(url != null, out.toString());
            assertTrue(out.toString().contains("serve: 3 份评分表：在堆上限 768 MB 的第二个 JVM 中运行"), out.toString());

            var http = java.net.http.HttpClient.newHttpClient();
            var home = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("<html lang=\"zh-CN\""), home.body());

            List<ProcessHandle> children = p.toHandle().children().toList();
            assertEquals(1, children.size(), "one second JVM: " + children);
            p.destroy(); // as a closed terminal or kill would
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the first process ended");
            assertTrue(children.get(0).onExit().get(60, java.util.concurrent.TimeUnit.SECONDS) != null);
            assertFalse(children.get(0).isAlive(), "the second JVM ended with the first");
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** The same files with the same bytes under both folders (ClassArchiveJarIT too). */
    static void assertSameFiles(Path a, Path b) throws IOException {
        Map<String, byte[]> x = files(a);
        Map<String, byte[]> y = files(b);
        assertEquals(x.keySet(), y.keySet());
        for (var e : x.entrySet()) {
            assertArrayEquals(e.getValue(), y.get(e.getKey()), e.getKey());
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        assertTrue(m.size() > 3, "a site was written to " + root);
        return m;
    }
}
