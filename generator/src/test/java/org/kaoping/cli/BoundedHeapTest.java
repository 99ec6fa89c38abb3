package org.kaoping.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound by size and whose choice the heap is (the jar: BoundedHeapJarIT; the second JVM: SecondJvmTest). */
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
    void aHeapGivenOnTheCommandLineIsTheUsers() {
        boolean given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:MaxHeapSize")
                        || a.contains("RAMPercentage") || a.startsWith("-XX:MaxRAM"));
        assertEquals(given, BoundedHeap.heapChosen(), "this JVM's arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
