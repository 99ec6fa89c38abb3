package org.kaoping.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the jar's own process settles before a `build`, `check` or `serve` reads its content, by the number of
 * sheets: whether the command runs in a second JVM ({@link SecondJvm}) with a bounded heap ({@link BoundedHeap}) or
 * the jar's class archive ({@link ClassArchive}) and, for the two that end, which compilers they are worth (flags in a
 * second JVM, {@link SecondJvm.Compilers}; else {@link JitDirectives}; {@code serve} runs for hours, so C2 pays back
 * everywhere). Only the jar's {@link Main#main} enables it: tests calling {@link Main#run} keep their JVM as it is.
 */
final class RunPlan {
    private static volatile String[] commandLine;
    private static volatile boolean settled;

    private RunPlan() {
    }

    /**
     * At the start of main, before picocli reads the command line: lets this process settle its plan and, for a
     * content folder this reading is sure of, settles it now, so that the compilers' plan is in place while
     * picocli works (C2 compiled some 30 methods in that time) and a second JVM starts before anything else
     * does. Otherwise (an {@code @file} of arguments) the command settles it before loading.
     */
    static void atStart(String[] args) {
        // Only these: the second JVM repeats the whole command, and they do nothing before reading content.
        if (args.length > 0 && planned(args[0])) {
            commandLine = args.clone();
            Path content = contentFolder(args);
            if (content != null) {
                beforeLoading(content);
            }
        }
    }

    /** Once per process, before the content is read: counts the sheet files and acts on their number. */
    static void beforeLoading(Path content) {
        String[] args = commandLine;
        if (args == null || settled) {
            return;
        }
        settled = true;
        int sheets = sheetFiles(content.resolve("sheets"));
        if (!SecondJvm.inChild()) {
            handOver(args, sheets); // returns only if this process runs the command
        }
        if (!args[0].equals("serve")) {
            JitDirectives.ask(sheets);
        }
    }

    /**
     * Runs the command in a second JVM when one with other settings serves it better — a bounded heap for many
     * sheets ({@link BoundedHeap}), the jar's class archive for a build ({@link ClassArchive}) — and ends
     * this process with its exit code. Returns when this process is to run the command itself: nothing to change,
     * a JVM being profiled (the profile is of the JVM that works), a second JVM that could not start, or one that
     * ran out of its bounded heap.
     */
    private static void handOver(String[] args, int sheets) {
        String command = args[0];
        long bound = BoundedHeap.bound(command, sheets);
        String classPath = System.getProperty("java.class.path");
        // Not for a county check: it ends before the second JVM's start is paid back (1.13 s either way).
        Path archive = command.equals("build") || bound > 0 ? ClassArchive.beside(classPath) : null;
        if (bound == 0 && archive == null) {
            return;
        }
        List<String> jvmArguments = SecondJvm.arguments();
        if (ClassArchive.chosen(jvmArguments)) {
            archive = null; // the user's own
        }
        if (SecondJvm.profiled(jvmArguments) || bound == 0 && archive == null) {
            return;
        }
        SecondJvm jvm = SecondJvm.of(command, sheets, bound, archive, System.getProperty("kaoping.jit") != null,
                SecondJvm.HUGE_PAGES);
        if (bound > 0) {
            System.out.printf(Locale.ROOT, "%s: %d 份评分表：在堆上限 %d MB 的第二个 JVM 中运行%n", command, sheets, bound >> 20);
            System.out.flush();
        }
        int code = SecondJvm.run(jvm.command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmArguments, classPath, args));
        if (code == SecondJvm.OUT_OF_MEMORY && bound > 0) {
            System.out.printf(Locale.ROOT, "%s: 堆上限 %d MB 不够用：改用 JVM 的默认堆在本进程中重新运行%n", command, bound >> 20);
            System.out.flush();
            return;
        }
        if (code >= 0) {
            System.exit(code == SecondJvm.REFUSED_IN_CHILD ? ExitCode.OUTPUT_REFUSED : code);
        }
        // the second JVM could not be started: this one runs the command
    }

    private static boolean planned(String command) {
        return command.equals("build") || command.equals("check") || command.equals("serve");
    }

    /** The content folder of a build, check or serve command line as picocli reads it; null for others or when unsure. */
    static Path contentFolder(String... args) {
        if (args.length == 0 || !planned(args[0])) {
            return null;
        }
        String content = "content";
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("@")) {
                return null;
            } else if (args[i].equals("--content") && i + 1 < args.length) {
                content = args[++i];
            } else if (args[i].startsWith("--content=")) {
                content = args[i].substring("--content=".length());
            }
        }
        try {
            return Path.of(content);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli will say what is wrong with it; the plan waits for a content folder that loads
        }
    }

    /**
     * The number of *.json names one folder down (names only); any folder that cannot be listed counts as empty.
     * {@link File#list} and not a directory stream with a glob: both JVMs count before anything else runs, and at
     * 80,000 sheets the glob's matching, interpreted, took 0.3 s in each against 0.07–0.1 s (BENCHMARKS.md,
     * thirteenth round).
     */
    static int sheetFiles(Path sheets) {
        int n = 0;
        File folder = sheets.toFile();
        for (String period : names(folder)) {
            for (String file : names(new File(folder, period))) {
                if (file.endsWith(".json")) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The names in a folder; none for a folder that is missing, not a folder or unreadable (the loader reports it). */
    private static String[] names(File folder) {
        String[] names = folder.list();
        return names == null ? new String[0] : names;
    }
}
