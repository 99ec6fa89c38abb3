package org.kaoping.cli;

import java.nio.file.Path;

/**
 * What the jar's own process settles before a `build` or `check` reads its content, by the number of sheets:
 * whether the command runs in a second JVM with a bounded heap ({@link BoundedHeap}) and which compilers it is
 * worth ({@link JitDirectives}). Only the jar's {@link Main#main} enables it: tests calling {@link Main#run} and
 * {@code serve}, which runs for hours, keep their JVM as it is.
 */
final class RunPlan {
    private static volatile String[] commandLine;
    private static volatile boolean settled;

    private RunPlan() {
    }

    /** Lets this process settle its plan: called by the jar's main only, with its command line. */
    static void enable(String[] args) {
        // Only these two: the second JVM repeats the whole command, and they do nothing before reading content.
        if (args.length > 0 && (args[0].equals("build") || args[0].equals("check"))) {
            commandLine = args.clone();
        }
    }

    /** Once per process, before the content is read: counts the sheet files and acts on their number. */
    static void beforeLoading(Path content) {
        String[] args = commandLine;
        if (args == null || settled) {
            return;
        }
        settled = true;
        int sheets = JitDirectives.sheetFiles(content.resolve("sheets"));
        BoundedHeap.runIfLarge(sheets, args); // returns only if this process runs the command
        JitDirectives.ask(sheets);
    }
}
