package org.kaoping.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The jar's class archive: {@code kaoping.jsa} beside {@code kaoping.jar}, HotSpot's Class Data Sharing archive of
 * the classes a build loads, parsed and verified once when the jar is packaged ({@code mvn package} builds a small
 * synthetic county made by {@code sample} with {@code -XX:ArchiveClassesAtExit}; generator/pom.xml).
 * <p>
 * Why: a county build is mostly start-up. Loading and verifying some 3,300 classes from the jar, and compiling the
 * code that runs once, took about a third of the sample site's CPU; mapped from the archive, the classes are there
 * at once (BENCHMARKS.md, ninth round). A jar cannot carry the flag that names the archive, so when one is found the
 * jar's process runs a build in a second JVM that uses it ({@link SecondJvm}, {@link RunPlan}); a county check
 * ends before that JVM's start is paid back, and stays in its process.
 * <p>
 * HotSpot uses an archive only for the JVM build and the very jar (its path, size and time) it was made with, and
 * otherwise runs as if it had none: the second JVM's CDS messages are turned off, so a stale or foreign archive costs
 * time, never a message or a result. An archive older than its jar is not even tried. A user who chose a class archive
 * of their own ({@code -Xshare}, {@code -XX:SharedArchiveFile}…) keeps it; {@code -Dkaoping.archive=off} turns the
 * archive off (benchmarks, tests).
 */
final class ClassArchive {
    static final String FILE = "kaoping.jsa";

    private ClassArchive() {
    }

    /** The one jar a class path names, as an absolute path (the form the archive was made with); null otherwise. */
    static Path jar(String classPath) {
        if (classPath == null || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return null;
        }
        try {
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            return Files.isRegularFile(jar) ? jar : null;
        } catch (InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /** The archive beside this class path's jar, if there is one no older than the jar; null otherwise. */
    static Path beside(String classPath) {
        if ("off".equals(System.getProperty("kaoping.archive"))) {
            return null;
        }
        Path jar = jar(classPath);
        if (jar == null) {
            return null;
        }
        Path archive = jar.resolveSibling(FILE);
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0 ? archive : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Whether this JVM's arguments chose Class Data Sharing themselves (an archive, a dump, or none at all). */
    static boolean chosen(List<String> jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit")
                    || a.startsWith("-XX:SharedClassListFile") || a.startsWith("-XX:DumpLoadedClassList")
                    || a.contains("AutoCreateSharedArchive")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The flags that make a JVM use the archive, quietly: HotSpot warns when it cannot and then runs without it. It
     * checks the archive's checksums first ({@code -XX:+VerifySharedSpaces}; the archive is made with them): a
     * damaged archive is refused like a foreign one, where unchecked it crashed the JVM (SIGSEGV, an hs_err file in
     * the working folder). Checking 13 MB cost nothing measurable (1.402 s against 1.404 s, the sample's second JVM).
     */
    static List<String> flags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
