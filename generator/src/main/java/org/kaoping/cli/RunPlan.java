package org.kaoping.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the jar's own process settles before a `build`, `check` or `serve` reads its content, by the number of
 * sheets: whether the command runs in a second JVM with a bounded heap ({@link BoundedHeap}) and, for the two that
 * end, which compilers they are worth ({@link JitDirectives}; {@code serve} runs for hours, so C2 pays back
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
        BoundedHeap.runIfLarge(sheets, args); // returns only if this process runs the command
        if (!args[0].equals("serve")) {
            JitDirectives.ask(sheets);
        }
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

    /** The number of *.json names one folder down (names only); any folder that cannot be listed counts as empty. */
    static int sheetFiles(Path sheets) {
        int n = 0;
        try (DirectoryStream<Path> periods = Files.newDirectoryStream(sheets)) {
            for (Path period : periods) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(period, "*.json")) {
                    for (Path ignored : files) {
                        n++;
                    }
                } catch (IOException | RuntimeException e) {
                    // not a folder, or unreadable: the loader reports it
                }
            }
        } catch (IOException | RuntimeException e) {
            // no sheets folder: the loader reports it
        }
        return n;
    }
}
