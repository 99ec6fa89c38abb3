package org.kaoping.cli;

import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound by size, the second JVM's command line and the exit codes between the two (the jar: BoundedHeapJarIT). */
@Isolated // sets a system property Main reads (support/Locks)
class BoundedHeapTest {
    @Test
    void theBoundGrowsWithTheSheetsFromAFloorInStepsOf32Megabytes() {
        assertEquals(768L << 20, BoundedHeap.boundFor(0));
        assertEquals(768L << 20, BoundedHeap.boundFor(BoundedHeap.FROM));
        assertEquals(960L << 20, BoundedHeap.boundFor(80_000)); // 10,000 stations x 8 periods: 937.5 MB, rounded up
        long last = 0;
        for (int sheets = 0; sheets <= 400_000; sheets += 977) {
            long b = BoundedHeap.boundFor(sheets);
            assertEquals(0, b % (32L << 20), "a multiple of 32 MB: " + b);
            assertTrue(b >= sheets * BoundedHeap.PER_SHEET && b >= last, sheets + " sheets: " + b);
            last = b;
        }
    }

    @Test
    void serveKeepsTwiceABuildsHeapPerSheet() {
        assertEquals(768L << 20, BoundedHeap.boundFor("serve", BoundedHeap.FROM / 2));
        assertEquals(1888L << 20, BoundedHeap.boundFor("serve", 80_000)); // 1,875 MB rounded up; a build of the same: 960 MB
        assertEquals(BoundedHeap.boundFor(80_000), BoundedHeap.boundFor("check", 80_000));
        for (int sheets = 0; sheets <= 400_000; sheets += 977) {
            long b = BoundedHeap.boundFor("serve", sheets);
            assertEquals(0, b % (32L << 20), "a multiple of 32 MB: " + b);
            assertTrue(b >= sheets * BoundedHeap.PER_SHEET_SERVE && b >= BoundedHeap.boundFor(sheets), sheets + " sheets: " + b);
        }
    }

    @Test
    void theSecondJvmGetsTheSameArgumentsTheBoundAndTheMarker() {
        List<String> c = BoundedHeap.command("/jdk/bin/java", 960L << 20, List.of("-Dfile.encoding=UTF-8", "-Dkaoping.jit=quick"),
                "generator/target/kaoping.jar", new String[]{"build", "--out", "x y"});
        assertEquals(List.of("/jdk/bin/java", "-Dfile.encoding=UTF-8", "-Dkaoping.jit=quick", "-Xmx960m",
                "-XX:+ExitOnOutOfMemoryError", "-Dkaoping.heap.child=true", "-cp", "generator/target/kaoping.jar",
                "org.kaoping.cli.Main", "build", "--out", "x y"), c);
    }

    @Test
    void aRefusalInTheSecondJvmDoesNotLookLikeItsOutOfMemoryExit() {
        assertEquals(BoundedHeap.OUT_OF_MEMORY, ExitCode.OUTPUT_REFUSED, "why the child renames its refusal");
        assertEquals(ExitCode.OUTPUT_REFUSED, BoundedHeap.exitCode(ExitCode.OUTPUT_REFUSED), "in the first process");
        System.setProperty(BoundedHeap.CHILD, "true");
        try {
            assertEquals(BoundedHeap.REFUSED_IN_CHILD, BoundedHeap.exitCode(ExitCode.OUTPUT_REFUSED));
            for (int code : new int[]{0, 1, 2}) {
                assertEquals(code, BoundedHeap.exitCode(code));
            }
        } finally {
            System.clearProperty(BoundedHeap.CHILD);
        }
    }

    @Test
    void aProfiledJvmDoesTheWorkItself() {
        assertTrue(BoundedHeap.profiled(List.of("-Dx=1", "-XX:StartFlightRecording=filename=x.jfr,settings=profile")));
        assertTrue(BoundedHeap.profiled(List.of("-agentpath:/opt/async-profiler/libasyncProfiler.so=start")));
        assertTrue(BoundedHeap.profiled(List.of("-javaagent:agent.jar")));
        assertFalse(BoundedHeap.profiled(List.of("-Dfile.encoding=UTF-8", "-XX:+DumpPerfMapAtExit")));
    }

    @Test
    void aHeapGivenOnTheCommandLineIsTheUsers() {
        boolean given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:MaxHeapSize")
                        || a.contains("RAMPercentage") || a.startsWith("-XX:MaxRAM"));
        assertEquals(given, BoundedHeap.heapChosen(), "this JVM's arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
