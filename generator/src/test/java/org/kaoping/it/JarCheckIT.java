package org.kaoping.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged generator/target/kaoping.jar from the repository root, as the README tells users to. */
class JarCheckIT {
    static final Path JAR = Path.of("generator/target/kaoping.jar");

    record Result(int exit, String out) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runWith(List.of(), args);
    }

    /** As {@link #run}, with these JVM arguments before {@code -jar}. */
    static Result runWith(List<String> jvm, String... args) throws IOException, InterruptedException {
        return runJar(JAR, jvm, args);
    }

    /** As {@link #runWith}, with this jar. */
    static Result runJar(Path jar, List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kaoping.jar did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    @DisplayName("java -jar generator/target/kaoping.jar check: every shipped rubric and the content pass")
    void shippedPasses() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package)");
        Result r = run("check");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("check: 0 errors, 0 warnings"), "the shipped sample is clean for a newcomer: " + r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains("SLF4J")), "no logging noise: " + r.out());
    }

    @Test
    @DisplayName("a malformed rubric fails with path:line:col: error: message and exit 1")
    void malformedFails() throws Exception {
        Path dir = Path.of("generator/src/test/resources/fixtures/malformed-rubrics");
        Result r = run("check", "--rubrics-only", "--rubrics", dir.toString());
        assertEquals(1, r.exit(), r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(dir.resolve("duplicate-key.json") + ":10:10: error: $.scale: duplicate key 'scale'; each key may appear once"), r.out());
        assertTrue(lines.contains(dir.resolve("bad-sums.json") + ":16:17: error: $.sections[0].points: the criteria of section 一 add up to 3, not its 8 points"), r.out());
        assertTrue(lines.contains(dir.resolve("bad-sums.json") + ":7:12: error: $.total: the score sections add up to 8, not the total 10"
                + " (declare \"partial\": true if the source survives only in part)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(dir.resolve("bad-sums.json") + ":25:")
                && l.contains("cap 4 exceeds the 3 points it limits")), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("check: \\d+ errors, 0 warnings"), r.out());
    }

    @Test
    @DisplayName("the jar gives its compiler directives to the DiagnosticCommand implementation, not the MBean server")
    void compilerDirectivesWithoutTheMBeanServer() throws Exception {
        // -XX options go before -jar: the same process as a user's, with its class loading and compiling shown.
        // Without the class archive (a jar copied alone): with it, the check runs in a second JVM with C1 alone.
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkaoping.archive=off", "-Xlog:class+load", "-XX:+PrintCompilation", "-jar", JAR.toString(), "check");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kaoping.jar did not finish");
        assertEquals(0, p.exitValue(), out.lines().filter(l -> l.startsWith("check")).toList().toString());
        assertTrue(out.contains("com.sun.management.internal.DiagnosticCommandImpl "), "the command bean was not used");
        assertTrue(out.contains("excluded by CompileCommand"), "no method was kept from C2: the directives were not added");
        assertTrue(!out.contains("com.sun.jmx.mbeanserver.JmxMBeanServer "), "the platform MBean server was started");
    }

    @Test
    @DisplayName("the jar's build calls template values through reflection without writing a class per method")
    void reflectionInflationDeferred(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // From a method's sixteenth reflective call JDK 17 writes a class for it: the build made 216 for the
        // sample; with the threshold at a thousand calls (cli/ReflectionInflation) it makes one or two.
        Result r = runWith(List.of("-Xlog:class+load"), "build", "--out", tmp.resolve("site").toString());
        assertEquals(0, r.exit(), r.out().lines().filter(l -> l.startsWith("build")).toList().toString());
        long generated = r.out().lines().filter(l -> l.contains("jdk.internal.reflect.Generated")).count();
        assertTrue(generated < 20, generated + " reflection accessor classes written: the threshold was not raised");
    }
}
