package org.kaoping.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
        JarCheckIT.Result r = JarCheckIT.runJar(JarCheckIT.JAR.toAbsolutePath(),
                List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath(), "-Xlog:class+load"), "--version");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(FROM_ARCHIVE), r.out().lines().filter(l -> l.contains("kaoping")).limit(5).toList().toString());
    }

    @Test
    @DisplayName("a small build runs in a second JVM that maps the archive, and writes the site it writes without it")
    void aBuildUsesItAndWritesTheSameSite() throws Exception {
        Traced traced = traced(JarCheckIT.JAR, "with", BoundedHeapJarIT.build(tmp.resolve("with")));
        JarCheckIT.Result with = traced.result();
        assertEquals(0, with.exit(), with.out());
        List<String> perJvm = traced.perJvm();
        assertEquals(2, perJvm.size(), "the jar's process and the second JVM");
        assertEquals(1, perJvm.stream().filter(l -> l.contains(FROM_ARCHIVE)).count(), "the second JVM maps the archive");
        String first = perJvm.stream().filter(l -> !l.contains(FROM_ARCHIVE)).findFirst().orElseThrow();
        assertFalse(first.contains("java.lang.management.ManagementFactory "),
                "the jar's process read its arguments through the management classes, not the manifest's export");

        JarCheckIT.Result without = JarCheckIT.runWith(List.of("-Dkaoping.archive=off"), BoundedHeapJarIT.build(tmp.resolve("without")));
        assertEquals(0, without.exit(), without.out());
        BoundedHeapJarIT.assertSameFiles(tmp.resolve("without"), tmp.resolve("with"));
        assertEquals(without.out().lines().count(), with.out().lines().count(), with.out());

        Traced check = traced(JarCheckIT.JAR, "check",
                Stream.concat(Stream.of("check"), Stream.of(BoundedHeapJarIT.CONTENT)).toArray(String[]::new));
        assertEquals(0, check.result().exit(), check.result().out());
        assertEquals(1, check.perJvm().size(), "a county check stays in its process");
    }

    @Test
    @DisplayName("a jar and archive copied elsewhere build as before, without a word from HotSpot; an older archive is not tried")
    void aCopyIsIgnoredQuietly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("copy"));
        Path jar = Files.copy(JarCheckIT.JAR, dir.resolve("kaoping.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path archive = Files.copy(ARCHIVE, dir.resolve("kaoping.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
        Traced copied = traced(jar, "copied", BoundedHeapJarIT.build(tmp.resolve("site")));
        JarCheckIT.Result r = copied.result();
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("build: ")), "HotSpot said something: " + r.out());
        List<String> perJvm = copied.perJvm();
        assertEquals(2, perJvm.size(), "a second JVM was tried");
        assertTrue(perJvm.stream().noneMatch(l -> l.contains(FROM_ARCHIVE)), "the archive names the jar by its first path");

        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 1000));
        Traced older = traced(jar, "older", BoundedHeapJarIT.build(tmp.resolve("site")));
        assertEquals(0, older.result().exit(), older.result().out());
        assertEquals(1, older.perJvm().size(), "an archive older than its jar: no second JVM");
    }

    @Test
    @DisplayName("a damaged archive is refused and the build runs as if there were none: no crash, no hs_err file")
    void aDamagedArchiveIsRefused() throws Exception {
        // An archive made for a copy of the jar, by its path, as mvn package makes one; then damaged in place.
        Path dir = Files.createDirectories(tmp.resolve("copy"));
        Path jar = Files.copy(JarCheckIT.JAR, dir.resolve("kaoping.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path archive = dir.resolve("kaoping.jsa");
        JarCheckIT.Result dump = JarCheckIT.runJar(jar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-XX:+VerifySharedSpaces",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1"), BoundedHeapJarIT.build(tmp.resolve("dumped")));
        assertEquals(0, dump.exit(), dump.out());
        Traced sound = traced(jar, "sound", BoundedHeapJarIT.build(tmp.resolve("sound")));
        assertEquals(0, sound.result().exit(), sound.result().out());
        assertEquals(1, sound.perJvm().stream().filter(l -> l.contains(FROM_ARCHIVE)).count(), "the sound archive is used");

        byte[] bytes = Files.readAllBytes(archive);
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 2000; i++) {
            int at = 4096 + random.nextInt(bytes.length - 4096); // past the header: the regions HotSpot maps
            bytes[at] ^= (byte) 0xFF;
        }
        archive.toFile().setWritable(true);
        Files.write(archive, bytes);
        Traced damaged = traced(jar, "damaged", BoundedHeapJarIT.build(tmp.resolve("damaged")));
        assertEquals(0, damaged.result().exit(), damaged.result().out());
        assertTrue(damaged.result().out().lines().allMatch(l -> l.startsWith("build: ")), damaged.result().out());
        assertEquals(2, damaged.perJvm().size(), "the second JVM ran");
        assertTrue(damaged.perJvm().stream().noneMatch(l -> l.contains(FROM_ARCHIVE)), "the damaged archive was refused");
        BoundedHeapJarIT.assertSameFiles(tmp.resolve("sound"), tmp.resolve("damaged"));
        try (Stream<Path> s = Files.list(Path.of(""))) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "a JVM crashed in the working folder");
        }
    }

    /** A run of a jar and each of its JVMs' class-loading log, one text per process. */
    private record Traced(JarCheckIT.Result result, List<String> perJvm) {
    }

    /** Runs this jar with every JVM's class loading logged to a file of its own ({@code %p}: the process id). */
    private Traced traced(Path jar, String name, String... args) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(tmp.resolve("logs-" + name));
        JarCheckIT.Result r = JarCheckIT.runJar(jar, List.of("-Xlog:class+load:file=" + logs.resolve("%p.txt")), args);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(logs)) {
            for (Path f : s.sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        return new Traced(r, texts);
    }
}
