package org.kaoping.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM settings a `build`, `check` or `serve` runs under when the jar's process hands it to a second JVM, and
 * that hand-over: a jar cannot carry JVM flags, so its process starts the same command line again with them, passes
 * the exit code on and does nothing else ({@link RunPlan} decides when).
 *
 * @param heapBound     {@code -Xmx} in bytes ({@link BoundedHeap}), or 0 for HotSpot's default heap
 * @param archive       the jar's class archive ({@link ClassArchive}), or null
 * @param compilers     which of HotSpot's compilers it runs with, and how ({@link Compilers})
 * @param throughputCollector the parallel collector instead of G1, for a province's `build` or `check` (a batch: its
 *                      pauses matter to nobody; at 80,000 sheets it built in 32.3 s instead of 34.0 s at the median
 *                      of five pairs, peaking at 0.72 GB instead of 0.83–1.04 GB, and at 20,000 and 30,000 it was
 *                      ahead too; BENCHMARKS.md, ninth and tenth rounds); not for `serve`, whose pauses a browser
 *                      would wait for
 * @param hugePages     its heap on transparent huge pages, for a `build` or `check` of any size, where the kernel
 *                      gives them on request only ({@code madvise}, as on this machine): memory is faulted in 2 MB at a
 *                      time instead of 4 KB, with fewer TLB misses. A province's build: 26,000 page faults instead of
 *                      185,000, and 23.2 s instead of 26.0 s at the median of 14 alternating runs; the sample's
 *                      second JVM 1.16–1.18 s instead of 1.30–1.32 s (BENCHMARKS.md, eleventh round). Where the
 *                      kernel gives them always, the JVM has them without asking; where never, asking would only
 *                      warn. Not for `serve`, which was not measured with them.
 */
record SecondJvm(long heapBound, Path archive, Compilers compilers, boolean throughputCollector, boolean hugePages) {
    /**
     * Sheets from which a `build` or `check` is a province's: C2 pays back what it costs to compile, in its lean form
     * ({@link Compilers#LEAN_C2}). Measured in second JVMs (BENCHMARKS.md, tenth round): at 20,000 sheets lean C2
     * and C1 alone were even (builds 8.6–10.2 s against 8.8–12.6 s), at 30,000 lean C2 built in 10.5–11.8 s
     * against C1's 12.8–14.3 s, and at 80,000 a check took 8.2–9.3 s against 11.4–12.7 s.
     */
    static final int PROVINCE_FROM = 20_000;
    /** Set in the second JVM: it runs the command itself. */
    static final String CHILD = "kaoping.child";
    /** What HotSpot exits with on an OutOfMemoryError under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;
    /** The child's {@link ExitCode#OUTPUT_REFUSED}, which is also 3, travels under this code instead. */
    static final int REFUSED_IN_CHILD = 13;

    /** Which of HotSpot's compilers the second JVM runs with: flags a jar cannot give itself. */
    enum Compilers {
        /** HotSpot as it comes: for `serve`, which runs for hours, and for a plan forced by {@code -Dkaoping.jit}. */
        AS_IS(List.of()),
        /**
         * C1 alone, without profiling: a county's build ends before C2's code pays back what compiling it cost.
         * Given as a flag, the JVM does not even profile the code it compiles, which compiler directives cannot say;
         * so {@link JitDirectives} has nothing to ask.
         */
        C1_ALONE(List.of("-XX:TieredStopAtLevel=1", "-Dkaoping.jit=c1")),
        /**
         * C2, inlining only the hot methods of at most 50 bytes of bytecode instead of 325, and not the once-per-page
         * builders ({@link JitDirectives.Plan#PAGES}). With HotSpot's inlining, C2 compiled large callees again
         * inside every caller: a fifth of a province build's CPU. Lean, it compiles in half the time and the code
         * runs about as fast: at 80,000 sheets a build took 22.7 s instead of 27.4 s and a check 8.7 s
         * instead of 10.1 s, the medians of alternating runs (BENCHMARKS.md, tenth round). And C2 takes a method
         * only after four times HotSpot's calls and loops (its tier-4 thresholds): a batch of a few tens of seconds
         * runs most of its methods too briefly for C2's code to pay back its compiling, and C1's code, already
         * there, serves them. C2's time at 80,000 sheets fell from 9–12 s to 7–9 s, and the build was quicker in
         * 10 of 13 alternating pairs (BENCHMARKS.md, eleventh round).
         */
        LEAN_C2(List.of("-XX:FreqInlineSize=50", "-XX:Tier4InvocationThreshold=20000",
                "-XX:Tier4MinInvocationThreshold=2400", "-XX:Tier4CompileThreshold=60000",
                "-XX:Tier4BackEdgeThreshold=160000", "-Dkaoping.jit=pages"));

        final List<String> flags;

        Compilers(List<String> flags) {
            this.flags = flags;
        }
    }

    /**
     * The second JVM for this command reading this many sheets, with the heap bound and class archive the first
     * process settled. {@code planForced}: the user forced a compiler plan with {@code -Dkaoping.jit} (benchmarks).
     * {@code hugePagesFile}: the kernel's word on transparent huge pages, {@link #HUGE_PAGES}.
     */
    static SecondJvm of(String command, int sheets, long heapBound, Path archive, boolean planForced,
                        Path hugePagesFile) {
        boolean ends = !command.equals("serve");
        Compilers compilers = !ends || planForced ? Compilers.AS_IS
                : sheets < PROVINCE_FROM ? Compilers.C1_ALONE : Compilers.LEAN_C2;
        // Only a province's: the JDK's archived objects are G1's, so the parallel collector starts a JVM slower.
        boolean province = ends && heapBound > 0 && sheets >= PROVINCE_FROM;
        return new SecondJvm(heapBound, archive, compilers, province, ends && hugePagesOnRequest(hugePagesFile));
    }

    /** Where the kernel says whether it gives transparent huge pages always, on request ({@code madvise}) or never. */
    static final Path HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** Whether this kernel file ({@link #HUGE_PAGES}) says huge pages come on request: "always [madvise] never". */
    static boolean hugePagesOnRequest(Path enabled) {
        try {
            return Files.readString(enabled, StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or not readable: the JVM as it comes
        }
    }

    /** Whether this process is the second JVM. */
    static boolean inChild() {
        return Boolean.getBoolean(CHILD);
    }

    /** The exit code this process ends with, given its command's. */
    static int exitCode(int code) {
        return inChild() && code == ExitCode.OUTPUT_REFUSED ? REFUSED_IN_CHILD : code;
    }

    /**
     * The second JVM's command line: this JVM's flags, then this JVM's own arguments (so that a user's choice given
     * there wins), the marker, and the same jar or class path and command. A single jar is started with {@code -jar},
     * so that its manifest's {@code Add-Opens} hold in the child too, and by the path the class archive was made with.
     */
    List<String> command(String java, List<String> jvmArguments, String classPath, String[] args) {
        List<String> c = new ArrayList<>();
        c.add(java);
        if (heapBound > 0) {
            c.add("-Xmx" + (heapBound >> 20) + "m");
            c.add("-XX:+ExitOnOutOfMemoryError");
        }
        if (archive != null) {
            c.addAll(ClassArchive.flags(archive));
        }
        if (throughputCollector && !collectorChosen(jvmArguments)) {
            c.addAll(parallelCollector()); // HotSpot refuses two collectors: a user's choice stands alone
        }
        if (hugePages) {
            c.add("-XX:+UseTransparentHugePages");
        }
        c.addAll(compilers.flags);
        c.addAll(jvmArguments); // after ours: HotSpot and System.getProperty take the last of a flag given twice
        c.add("-D" + CHILD + "=true");
        Path jar = ClassArchive.jar(classPath);
        if (jar != null) {
            c.add("-jar");
            c.add(jar.toString());
        } else {
            c.add("-cp");
            c.add(classPath);
            c.add(Main.class.getName());
        }
        c.addAll(List.of(args));
        return c;
    }

    /**
     * The parallel collector as a province's build runs best with: its heap whole from the start ({@code -Xms} as
     * {@code -Xmx}) and objects promoted after one young collection. A province's sheets are loaded in the first half
     * of the build and kept to its end; HotSpot copied them between survivor spaces up to seven times (pauses of
     * 100–165 ms while they loaded), and its sizing grew the old generation by a full collection halfway through
     * (0.8 s). So at 80,000 sheets the pauses summed to 1.1 s instead of 2.5 s (BENCHMARKS.md, thirteenth round).
     */
    List<String> parallelCollector() {
        return List.of("-XX:+UseParallelGC", "-Xms" + (heapBound >> 20) + "m", "-XX:MaxTenuringThreshold=1");
    }

    /** Whether these JVM arguments choose a garbage collector. */
    static boolean collectorChosen(List<String> jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:+Use") && a.endsWith("GC")) {
                return true;
            }
        }
        return false;
    }

    /** Runs the child with this process's terminal and folder; its exit code, or -1 if it could not start. */
    static int run(List<String> command) {
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
        }, "kaoping-child-stop");
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
     * This JVM's own arguments, as {@code RuntimeMXBean.getInputArguments} gives them. The JDK's internal call the
     * bean makes is opened to Kaoping by the jar's manifest ({@code Add-Exports}): the management classes cost a
     * county build's first process 30–40 ms, a tenth of what it does before it hands over.
     */
    static List<String> arguments() {
        try {
            Object args = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return List.of((String[]) args);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments(); // not opened: tests, another launcher
        }
    }

    /**
     * Whether this JVM is being profiled (a flight recording or an agent asked for on its command line): the
     * profile is to be of the JVM that does the work, and a child would write the same recording file.
     */
    static boolean profiled(List<String> jvmArguments) {
        for (String a : jvmArguments) { // a loop, not a stream: the first process pays for every class it loads
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-agentlib:") || a.startsWith("-agentpath:")
                    || a.startsWith("-javaagent:")) {
                return true;
            }
        }
        return false;
    }
}
