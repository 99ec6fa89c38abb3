package org.kaoping.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a province-sized `build`, `check` or `serve` in a second JVM whose heap is bounded by the number of sheets.
 * <p>
 * Why: with HotSpot's default settings G1 grows the heap to 2–3 GB in the first seconds of a build of 80,000
 * sheets, although the build keeps 150–340 MB: while the sheets are loaded, young collections copy them between
 * survivor spaces, their pauses exceed G1's time goal and it expands. Touching that much fresh memory also costs
 * seconds of system time; bounded, the same build is faster (BENCHMARKS.md, fifth round). A jar cannot carry JVM
 * flags and a running JVM cannot lower its own heap limit, so the jar's process starts the command again, with
 * {@code -Xmx} and otherwise the same JVM arguments, class path and command line, passes its exit code on and does
 * nothing else. Small builds (below {@link #FROM} sheets, G1's default suits them) run in the first process.
 * <p>
 * Nothing is lost if the bound is too small: the child exits with HotSpot's code for an OutOfMemoryError, and the
 * first process runs the command itself with the default heap (a build's staging folder is recovered as any
 * interrupted build's is). A heap size given on the command line or in {@code JAVA_TOOL_OPTIONS} is the user's
 * choice and kept, and a JVM being profiled is not left idle: no second JVM. {@code -Dkaoping.heap=off} turns this off; {@code -Dkaoping.heap.from=N} and
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
    /** Set in the second JVM: it runs the command itself. */
    static final String CHILD = "kaoping.heap.child";
    /** What HotSpot exits with on an OutOfMemoryError under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;
    /** The child's {@link ExitCode#OUTPUT_REFUSED}, which is also 3, travels under this code instead. */
    static final int REFUSED_IN_CHILD = 13;

    private BoundedHeap() {
    }

    /** Whether this process is the second JVM. */
    static boolean inChild() {
        return Boolean.getBoolean(CHILD);
    }

    /** The exit code this process ends with, given its command's. */
    static int exitCode(int code) {
        return inChild() && code == ExitCode.OUTPUT_REFUSED ? REFUSED_IN_CHILD : code;
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
     * Before a build or check of this many sheets reads anything: if they are many and the heap is HotSpot's
     * choice, runs the command line in a second JVM with a bounded heap and ends this process with its exit code.
     * Returns when this process is to run the command itself.
     */
    static void runIfLarge(int sheets, String[] args) {
        if (inChild() || "off".equals(System.getProperty("kaoping.heap")) || args.length == 0) {
            return;
        }
        if (sheets < Integer.getInteger("kaoping.heap.from", FROM)) {
            return; // before any management bean: a county build does not pay for loading them
        }
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (heapChosen() || profiled(jvmArguments)) {
            return;
        }
        long given = Long.getLong("kaoping.heap.mb", 0);
        long bound = given > 0 ? given << 20 : boundFor(args[0], sheets);
        if (given <= 0 && bound >= Runtime.getRuntime().maxMemory()) {
            return; // HotSpot's own limit is no larger: nothing to bound
        }
        List<String> command = command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), bound,
                jvmArguments, System.getProperty("java.class.path"), args);
        String name = args[0];
        System.out.printf(Locale.ROOT, "%s: %d 份评分表：在堆上限 %d MB 的第二个 JVM 中运行%n", name, sheets, bound >> 20);
        System.out.flush();
        int code = run(command);
        if (code == OUT_OF_MEMORY) {
            System.out.printf(Locale.ROOT, "%s: 堆上限 %d MB 不够用：改用 JVM 的默认堆在本进程中重新运行%n", name, bound >> 20);
            System.out.flush();
            return;
        }
        if (code >= 0) {
            System.exit(code == REFUSED_IN_CHILD ? ExitCode.OUTPUT_REFUSED : code);
        }
        // the second JVM could not be started: this one runs the command
    }

    /** The second JVM's command line: this JVM's arguments, the bound, the marker, the same class path and command. */
    static List<String> command(String java, long bound, List<String> jvmArguments, String classPath, String[] args) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(jvmArguments);
        c.add("-Xmx" + (bound >> 20) + "m");
        c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-D" + CHILD + "=true");
        c.add("-cp");
        c.add(classPath);
        c.add(Main.class.getName());
        c.addAll(List.of(args));
        return c;
    }

    /** Runs the child with this process's terminal and folder; its exit code, or -1 if it could not start. */
    private static int run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // Ended from outside (kill, a closed terminal), this process ends the child too and lets it clean up.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "kaoping-heap-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the shutdown hook ends the child if this process is ending
            }
        }
    }

    /**
     * Whether this JVM is being profiled (a flight recording or an agent asked for on its command line): the
     * profile is to be of the JVM that does the work, and a child would write the same recording file.
     */
    static boolean profiled(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> a.startsWith("-XX:StartFlightRecording") || a.startsWith("-agentlib:")
                || a.startsWith("-agentpath:") || a.startsWith("-javaagent:"));
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
