package org.kaoping.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * @param quickCompiler C1 alone, without profiling ({@code -XX:TieredStopAtLevel=1}): for a run too short for C2 to
 *                      pay back ({@link JitDirectives#OPTIMISE_FROM}); given as a flag, the JVM does not profile the
 *                      code it compiles, which compiler directives cannot say
 * @param throughputCollector the parallel collector instead of G1, for a province's `build` or `check` (a batch: its
 *                      pauses matter to nobody, and at 80,000 sheets it built in 32.3 s instead of 34.0 s at the
 *                      median of five pairs, peaking at 0.72 GB instead of 0.83–1.04 GB; BENCHMARKS.md, ninth
 *                      round); not for `serve`, whose pauses a browser would wait for
 */
record SecondJvm(long heapBound, Path archive, boolean quickCompiler, boolean throughputCollector) {
    /** Set in the second JVM: it runs the command itself. */
    static final String CHILD = "kaoping.child";
    /** What HotSpot exits with on an OutOfMemoryError under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;
    /** The child's {@link ExitCode#OUTPUT_REFUSED}, which is also 3, travels under this code instead. */
    static final int REFUSED_IN_CHILD = 13;

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
            c.add("-XX:+UseParallelGC"); // HotSpot refuses two collectors: a user's choice stands alone
        }
        if (quickCompiler) {
            c.add("-XX:TieredStopAtLevel=1");
            c.add("-Dkaoping.jit=c1"); // JitDirectives: nothing to ask of a JVM without C2
        }
        c.addAll(jvmArguments);
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
