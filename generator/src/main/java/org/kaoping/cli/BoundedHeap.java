package org.kaoping.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The heap bound of a province-sized `build`, `check` or `serve`, which runs in a second JVM ({@link SecondJvm}) whose
 * heap is bounded by the number of sheets.
 * <p>
 * Why: with HotSpot's default settings G1 grows the heap to 2–3 GB in the first seconds of a build of 80,000
 * sheets, although the build keeps 150–340 MB: while the sheets are loaded, young collections copy them between
 * survivor spaces, their pauses exceed G1's time goal and it expands. Touching that much fresh memory also costs
 * seconds of system time; bounded, the same build is faster (BENCHMARKS.md, fifth round). A jar cannot carry JVM
 * flags and a running JVM cannot lower its own heap limit, so the jar's process starts the command again with
 * {@code -Xmx} ({@link RunPlan}). Small builds (below {@link #FROM} sheets, G1's default suits them) run in the first process.
 * <p>
 * Nothing is lost if the bound is too small: the child exits with HotSpot's code for an OutOfMemoryError, and the
 * first process runs the command itself with the default heap (a build's staging folder is recovered as any
 * interrupted build's is). A heap size given on the command line or in {@code JAVA_TOOL_OPTIONS} is the user's
 * choice and kept. {@code -Dkaoping.heap=off} turns this off; {@code -Dkaoping.heap.from=N} and
 * {@code -Dkaoping.heap.mb=M} set the threshold and the bound (for tests and benchmarks).
 */
final class BoundedHeap {
    /** Sheets from which a build's heap is bounded. */
    static final int FROM = 20_000;
    /** Heap per sheet: about three times what a build of 80,000 sheets keeps (BENCHMARKS.md, fifth round). */
    static final long PER_SHEET = 12L << 10;
    /**
     * Heap per sheet for `serve`, which keeps its preview (every period checked and ranked, the last site's parts)
     * while it writes the output folder as a build does: some 950 MB live at 80,000 sheets, twice a build's. At
     * 12 KB a sheet its writes spent most of their time collecting (BENCHMARKS.md, sixth round).
     */
    static final long PER_SHEET_SERVE = 24L << 10;
    /** No bound below this, whatever the count. */
    static final long FLOOR = 768L << 20;

    private BoundedHeap() {
    }

    /** The heap bound for a build or check of this many sheets, a multiple of 32 MB. */
    static long boundFor(int sheets) {
        return boundFor("build", sheets);
    }

    /** The heap bound for this command reading this many sheets, a multiple of 32 MB. */
    static long boundFor(String command, int sheets) {
        long bytes = Math.max(FLOOR, sheets * (command.equals("serve") ? PER_SHEET_SERVE : PER_SHEET));
        long step = 32L << 20;
        return (bytes + step - 1) / step * step;
    }

    /**
     * The heap bound for this command reading this many sheets, or 0 when the command is to run with HotSpot's
     * default heap: few sheets, a heap size the user chose, or a default no larger.
     */
    static long bound(String command, int sheets) {
        if ("off".equals(System.getProperty("kaoping.heap")) || sheets < Integer.getInteger("kaoping.heap.from", FROM)) {
            return 0; // before any management bean: a county build does not pay for loading them
        }
        if (heapChosen()) {
            return 0;
        }
        long given = Long.getLong("kaoping.heap.mb", 0);
        long bound = given > 0 ? given << 20 : boundFor(command, sheets);
        return given <= 0 && bound >= Runtime.getRuntime().maxMemory() ? 0 : bound; // HotSpot's own limit is no larger
    }

    /** Whether the heap's size was given (-Xmx, -Xms, -XX:MaxRAMPercentage…): then it is the user's to choose. */
    static boolean heapChosen() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String flag : List.of("MaxHeapSize", "InitialHeapSize", "MinHeapSize", "MaxRAM", "MaxRAMPercentage",
                    "MaxRAMFraction", "InitialRAMPercentage", "MinRAMPercentage")) {
                VMOption.Origin origin = hotspot.getVMOption(flag).getOrigin();
                if (origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot, or it will not say: leave the JVM as it is
        }
    }
}
