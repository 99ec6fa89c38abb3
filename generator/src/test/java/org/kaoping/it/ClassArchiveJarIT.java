package org.kaoping.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's class archive (cli/ClassArchive): made by `mvn package`, accepted by this JVM for this jar, used by the
 * second JVM a county build runs in, and, where HotSpot cannot use it, ignored without a word. Each JVM's class
 * loading is logged to its own file ({@code %p}: the process id), so the two JVMs of one build can be told apart.
 */
class ClassArchiveJarIT {
    static final Path ARCHIVE = Path.of("generator/target/kaoping.jsa");
    static final String FROM_ARCHIVE = "org.kaoping.cli.Main source: shared objects file (top)";

    @TempDir
    Path tmp;

    @Test
    @DisplayName("mvn package makes the archive, and this JVM takes it for this jar")
    void packagedAndAccepted() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "mvn package makes " + ARCHIVE);
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JarCheckIT.JAR)) >= 0,
                "the archive is made after the jar");
        // -Xshare:on ends the JVM if it cannot use the archive: a wrong JVM, another jar, or the jar by another path.
        List<String> cmd = List.of(java(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath(),
                "-Xlog:class+load", "-jar", JarCheckIT.JAR.toAbsolutePath().toString(), "--version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(FROM_ARCHIVE), out.lines().filter(l -> l.contains("kaoping")).limit(5).toList().toString());
    }

    @Test
    @DisplayName("a small build runs in a second JVM that maps the archive, and writes the site it writes without it")
    void aBuildUsesItAndWritesTheSameSite() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        JarCheckIT.Result with = JarCheckIT.runWith(List.of("-Xlog:class+load:file=" + logs.resolve("%p.txt")),
                BoundedHeapJarIT.build(tmp.resolve("with")));
        assertEquals(0, with.exit(), with.out());
        List<String> perJvm = logged(logs);
        assertEquals(2, perJvm.size(), "the jar's process and the second JVM");
        assertEquals(1, perJvm.stream().filter(l -> l.contains(FROM_ARCHIVE)).count(), "the second JVM maps the archive");
        String first = perJvm.stream().filter(l -> !l.contains(FROM_ARCHIVE)).findFirst().orElseThrow();
        assertFalse(first.contains("java.lang.management.ManagementFactory "),
                "the jar's process read its arguments through the management classes, not the manifest's export");

        JarCheckIT.Result without = JarCheckIT.runWith(List.of("-Dkaoping.archive=off"), BoundedHeapJarIT.build(tmp.resolve("without")));
        assertEquals(0, without.exit(), without.out());
        BoundedHeapJarIT.assertSameFiles(tmp.resolve("without"), tmp.resolve("with"));
        assertEquals(without.out().lines().count(), with.out().lines().count(), with.out());

        Path checkLogs = Files.createDirectories(tmp.resolve("check-logs"));
        JarCheckIT.Result check = JarCheckIT.runWith(List.of("-Xlog:class+load:file=" + checkLogs.resolve("%p.txt")),
                Stream.concat(Stream.of("check"), Stream.of(BoundedHeapJarIT.CONTENT)).toArray(String[]::new));
        assertEquals(0, check.exit(), check.out());
        assertEquals(1, logged(checkLogs).size(), "a county check stays in its process");
    }

    @Test
    @DisplayName("a jar and archive copied elsewhere build as before, without a word from HotSpot; an older archive is not tried")
    void aCopyIsIgnoredQuietly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("copy"));
        Path jar = Files.copy(JarCheckIT.JAR, dir.resolve("kaoping.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path archive = Files.copy(ARCHIVE, dir.resolve("kaoping.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        JarCheckIT.Result r = JarCheckIT.runJar(jar, List.of("-Xlog:class+load:file=" + logs.resolve("%p.txt")),
                BoundedHeapJarIT.build(tmp.resolve("site")));
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("build: ")), "HotSpot said something: " + r.out());
        List<String> perJvm = logged(logs);
        assertEquals(2, perJvm.size(), "a second JVM was tried");
        assertTrue(perJvm.stream().noneMatch(l -> l.contains(FROM_ARCHIVE)), "the archive names the jar by its first path");

        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 1000));
        Path logs2 = Files.createDirectories(tmp.resolve("logs2"));
        JarCheckIT.Result older = JarCheckIT.runJar(jar, List.of("-Xlog:class+load:file=" + logs2.resolve("%p.txt")),
                BoundedHeapJarIT.build(tmp.resolve("site")));
        assertEquals(0, older.exit(), older.out());
        assertEquals(1, logged(logs2).size(), "an archive older than its jar: no second JVM");
    }

    @Test
    @DisplayName("a damaged archive is refused and the build runs as if there were none: no crash, no hs_err file")
    void aDamagedArchiveIsRefused() throws Exception {
        // An archive made for a copy of the jar, by its path, as mvn package makes one; then damaged in place.
        Path dir = Files.createDirectories(tmp.resolve("copy"));
        Path jar = Files.copy(JarCheckIT.JAR, dir.resolve("kaoping.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path archive = dir.resolve("kaoping.jsa");
        List<String> dump = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-XX:+VerifySharedSpaces",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        dump.addAll(List.of(BoundedHeapJarIT.build(tmp.resolve("dumped"))));
        Process p = new ProcessBuilder(dump).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        JarCheckIT.Result sound = JarCheckIT.runJar(jar, List.of("-Xlog:class+load:file=" + logs.resolve("%p.txt")),
                BoundedHeapJarIT.build(tmp.resolve("sound")));
        assertEquals(0, sound.exit(), sound.out());
        assertEquals(1, logged(logs).stream().filter(l -> l.contains(FROM_ARCHIVE)).count(), "the sound archive is used");

        byte[] bytes = Files.readAllBytes(archive);
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 2000; i++) {
            int at = 4096 + random.nextInt(bytes.length - 4096); // past the header: the regions HotSpot maps
            bytes[at] ^= (byte) 0xFF;
        }
        archive.toFile().setWritable(true);
        Files.write(archive, bytes);
        Path damagedLogs = Files.createDirectories(tmp.resolve("damaged-logs"));
        JarCheckIT.Result damaged = JarCheckIT.runJar(jar, List.of("-Xlog:class+load:file=" + damagedLogs.resolve("%p.txt")),
                BoundedHeapJarIT.build(tmp.resolve("damaged")));
        assertEquals(0, damaged.exit(), damaged.out());
        assertTrue(damaged.out().lines().allMatch(l -> l.startsWith("build: ")), damaged.out());
        assertEquals(2, logged(damagedLogs).size(), "the second JVM ran");
        assertTrue(logged(damagedLogs).stream().noneMatch(l -> l.contains(FROM_ARCHIVE)), "the damaged archive was refused");
        BoundedHeapJarIT.assertSameFiles(tmp.resolve("sound"), tmp.resolve("damaged"));
        try (Stream<Path> s = Files.list(Path.of(""))) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "a JVM crashed in the working folder");
        }
    }

    /** Each JVM's class-loading log, one text per process. */
    private static List<String> logged(Path logs) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(logs)) {
            for (Path f : s.sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        return texts;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
