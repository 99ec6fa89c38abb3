package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second JVM's command line and the exit codes between the two JVMs (the jar: BoundedHeapJarIT, ClassArchiveJarIT). */
@Isolated // sets a system property Main reads (support/Locks)
class SecondJvmTest {
    /** No kernel file: huge pages not on request. */
    private static final Path NO_FILE = Path.of("/nonexistent/transparent_hugepage/enabled");

    @TempDir
    Path tmp;

    @Test
    void aBoundedHeapComesFirstAndTheUsersArgumentsAfterIt() {
        List<String> c = new SecondJvm(960L << 20, null, SecondJvm.Compilers.AS_IS, false, false).command("/jdk/bin/java",
                List.of("-Dfile.encoding=UTF-8", "-Dkaoping.jit=quick"), "lib/a.jar:lib/b.jar", new String[]{"build", "--out", "x y"});
        assertEquals(List.of("/jdk/bin/java", "-Xmx960m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-Dkaoping.jit=quick", "-Dkaoping.child=true", "-cp", "lib/a.jar:lib/b.jar",
                "org.kaoping.cli.Main", "build", "--out", "x y"), c);
    }

    @Test
    void aJarIsStartedAsAJarByItsAbsolutePathWithTheArchiveAndC1() throws IOException {
        Path jar = Files.createFile(tmp.resolve("kaoping.jar"));
        Path archive = tmp.resolve(ClassArchive.FILE);
        String relative = Path.of("").toAbsolutePath().relativize(jar).toString();
        List<String> c = new SecondJvm(0, archive, SecondJvm.Compilers.C1_ALONE, false, false).command("java", List.of("-Xlog:gc"), relative,
                new String[]{"check"});
        assertEquals(List.of("java", "-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-Dkaoping.jit=c1", "-Xlog:gc", "-Dkaoping.child=true",
                "-jar", jar.toString(), "check"), c);
        assertEquals(JitDirectives.Plan.C1, withJit("c1", () -> JitDirectives.planFor(1)));
        assertTrue(JitDirectives.Plan.C1.excluded.isEmpty(), "a JVM without C2 is asked nothing");
    }

    @Test
    void aProvinceBuildGetsTheParallelCollectorAndItsTuningUnlessTheUserChoseOne() {
        SecondJvm province = SecondJvm.of("build", SecondJvm.PROVINCE_FROM, 960L << 20, null, false, NO_FILE);
        List<String> c = province.command("java", List.of("-Dx=1"), "lib/a.jar:lib/b.jar", new String[]{"build"});
        assertEquals(List.of("java", "-Xmx960m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC",
                "-Xms960m", "-XX:MaxTenuringThreshold=1", "-XX:FreqInlineSize=50", "-XX:Tier4InvocationThreshold=20000", "-XX:Tier4MinInvocationThreshold=2400",
                "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=160000", "-Dkaoping.jit=pages", "-Dx=1",
                "-Dkaoping.child=true", "-cp", "lib/a.jar:lib/b.jar", "org.kaoping.cli.Main", "build"), c);
        for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseZGC", "-XX:+UseParallelGC")) {
            List<String> mine = province.command("java", List.of(gc), "lib/a.jar:lib/b.jar", new String[]{"build"});
            assertEquals(1, mine.stream().filter(a -> a.startsWith("-XX:+Use") && a.endsWith("GC")).count(), gc + ": " + mine);
            assertTrue(mine.contains(gc), gc);
            assertTrue(mine.stream().noneMatch(a -> a.startsWith("-Xms") || a.startsWith("-XX:MaxTenuring")),
                    "the tuning is for our choice of collector, not the user's: " + mine);
        }
    }

    @Test
    void aCountyGetsC1AloneAProvinceLeanC2AndServeHotSpotAsItComes() {
        int county = SecondJvm.PROVINCE_FROM - 1, province = SecondJvm.PROVINCE_FROM;
        Path archive = tmp.resolve(ClassArchive.FILE);
        assertEquals(new SecondJvm(0, archive, SecondJvm.Compilers.C1_ALONE, false, false),
                SecondJvm.of("build", county, 0, archive, false, NO_FILE));
        assertEquals(new SecondJvm(0, archive, SecondJvm.Compilers.LEAN_C2, false, false),
                SecondJvm.of("build", province, 0, archive, false, NO_FILE), "no bound (kaoping.heap=off): G1 as it comes");
        assertEquals(new SecondJvm(960L << 20, null, SecondJvm.Compilers.LEAN_C2, true, false),
                SecondJvm.of("check", province, 960L << 20, null, false, NO_FILE));
        assertEquals(new SecondJvm(768L << 20, null, SecondJvm.Compilers.C1_ALONE, false, false),
                SecondJvm.of("build", county, 768L << 20, null, false, NO_FILE), "bounded below a province (kaoping.heap.from): G1");
        assertEquals(new SecondJvm(1920L << 20, archive, SecondJvm.Compilers.AS_IS, false, false),
                SecondJvm.of("serve", province, 1920L << 20, archive, false, NO_FILE), "serve runs for hours: C2 and G1 as they come");
        assertEquals(new SecondJvm(960L << 20, null, SecondJvm.Compilers.AS_IS, true, false),
                SecondJvm.of("build", province, 960L << 20, null, true, NO_FILE), "a plan forced with -Dkaoping.jit is the one run");
        assertEquals(SecondJvm.Compilers.AS_IS, SecondJvm.of("build", county, 0, archive, true, NO_FILE).compilers());
    }

    @Test
    void aBuildOrCheckAsksForHugePagesWhereTheKernelGivesThemOnRequestOnly() throws IOException {
        Path madvise = Files.writeString(tmp.resolve("madvise"), "always [madvise] never\n");
        Path always = Files.writeString(tmp.resolve("always"), "[always] madvise never\n");
        Path never = Files.writeString(tmp.resolve("never"), "always madvise [never]\n");
        int county = SecondJvm.PROVINCE_FROM - 1, province = SecondJvm.PROVINCE_FROM;
        SecondJvm asked = SecondJvm.of("build", province, 960L << 20, null, false, madvise);
        assertEquals(new SecondJvm(960L << 20, null, SecondJvm.Compilers.LEAN_C2, true, true), asked);
        assertTrue(SecondJvm.of("check", province, 960L << 20, null, false, madvise).hugePages());
        for (Path file : List.of(always, never, NO_FILE, tmp)) {
            assertFalse(SecondJvm.of("build", province, 960L << 20, null, false, file).hugePages(), file.toString());
        }
        Path archive = tmp.resolve(ClassArchive.FILE);
        assertEquals(new SecondJvm(0, archive, SecondJvm.Compilers.C1_ALONE, false, true),
                SecondJvm.of("build", county, 0, archive, false, madvise), "a county's second JVM too");
        assertTrue(SecondJvm.of("check", county, 0, archive, false, madvise).hugePages());
        assertTrue(SecondJvm.of("build", county, 768L << 20, null, false, madvise).hugePages(), "bounded below a province");
        assertFalse(SecondJvm.of("build", county, 0, archive, false, never).hugePages());
        assertFalse(SecondJvm.of("serve", province, 1920L << 20, null, false, madvise).hugePages(), "serve: as it comes");
        assertFalse(SecondJvm.of("serve", county, 0, archive, false, madvise).hugePages(), "serve: as it comes");
        List<String> c = asked.command("java", List.of("-XX:-UseTransparentHugePages"), "a.jar", new String[]{"build"});
        assertTrue(c.indexOf("-XX:+UseTransparentHugePages") > c.indexOf("-XX:+UseParallelGC"), c.toString());
        assertTrue(c.indexOf("-XX:-UseTransparentHugePages") > c.indexOf("-XX:+UseTransparentHugePages"),
                "the user's own word comes after ours: " + c);
        assertFalse(SecondJvm.of("build", province, 960L << 20, null, false, never)
                .command("java", List.of(), "a.jar", new String[]{"build"}).contains("-XX:+UseTransparentHugePages"));
    }

    @Test
    void theUsersOwnCompilerFlagsComeAfterOursSoTheirsHold() {
        List<String> c = SecondJvm.of("build", SecondJvm.PROVINCE_FROM, 960L << 20, null, false, NO_FILE).command("java",
                List.of("-XX:FreqInlineSize=325", "-Dkaoping.jit=default"), "a.jar:b.jar", new String[]{"build"});
        assertTrue(c.indexOf("-XX:FreqInlineSize=325") > c.indexOf("-XX:FreqInlineSize=50"), c.toString());
        assertTrue(c.indexOf("-Dkaoping.jit=default") > c.indexOf("-Dkaoping.jit=pages"), c.toString());
        assertEquals(JitDirectives.Plan.PAGES, withJit("pages", () -> JitDirectives.planFor(SecondJvm.PROVINCE_FROM)),
                "the lean child asks C2 to leave the once-per-page builders to C1");
    }

    @Test
    void everyFlagGivenIsOneThisJvmTakesWithoutAWord() throws IOException, InterruptedException {
        // A misspelt flag would stop every province's second JVM from starting; no test builds a province.
        SecondJvm province = SecondJvm.of("build", SecondJvm.PROVINCE_FROM, 960L << 20, null, false, SecondJvm.HUGE_PAGES);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (SecondJvm.Compilers compilers : SecondJvm.Compilers.values()) {
            for (boolean parallel : new boolean[]{true, false}) {
                SecondJvm jvm = new SecondJvm(province.heapBound(), null, compilers, parallel, province.hugePages());
                List<String> c = new ArrayList<>(jvm.command(java, List.of(), "a.jar", new String[0]));
                c.subList(c.indexOf("-Dkaoping.child=true"), c.size()).clear();
                c.add("-version");
                Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), c + "\n" + out);
                assertFalse(out.contains("Unrecognized") || out.contains("arning") || out.contains("rror"), c + "\n" + out);
            }
        }
    }

    @Test
    void aRefusalInTheSecondJvmDoesNotLookLikeItsOutOfMemoryExit() {
        assertEquals(SecondJvm.OUT_OF_MEMORY, ExitCode.OUTPUT_REFUSED, "why the child renames its refusal");
        assertEquals(ExitCode.OUTPUT_REFUSED, SecondJvm.exitCode(ExitCode.OUTPUT_REFUSED), "in the first process");
        System.setProperty(SecondJvm.CHILD, "true");
        try {
            assertEquals(SecondJvm.REFUSED_IN_CHILD, SecondJvm.exitCode(ExitCode.OUTPUT_REFUSED));
            for (int code : new int[]{0, 1, 2}) {
                assertEquals(code, SecondJvm.exitCode(code));
            }
        } finally {
            System.clearProperty(SecondJvm.CHILD);
        }
    }

    @Test
    void aProfiledJvmDoesTheWorkItself() {
        assertTrue(SecondJvm.profiled(List.of("-Dx=1", "-XX:StartFlightRecording=filename=x.jfr,settings=profile")));
        assertTrue(SecondJvm.profiled(List.of("-agentpath:/opt/async-profiler/libasyncProfiler.so=start")));
        assertTrue(SecondJvm.profiled(List.of("-javaagent:agent.jar")));
        assertFalse(SecondJvm.profiled(List.of("-Dfile.encoding=UTF-8", "-XX:+DumpPerfMapAtExit")));
    }

    @Test
    void thisJvmsArgumentsAreTheManagementBeansEitherWay() {
        // The surefire JVM does not open jdk.internal.misc: this is the fallback; the jar's route is ClassArchiveJarIT's.
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), SecondJvm.arguments());
    }

    private static <T> T withJit(String plan, java.util.function.Supplier<T> f) {
        System.setProperty("kaoping.jit", plan);
        try {
            return f.get();
        } finally {
            System.clearProperty("kaoping.jit");
        }
    }
}
