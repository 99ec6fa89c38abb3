package org.kaoping.cli;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells HotSpot which of its compilers a `build` or `check` is worth, by the number of sheets it reads.
 * <p>
 * Why: profiles (perf, BENCHMARKS.md) showed the optimising compiler (C2) taking a third of the sample site's CPU
 * and a quarter of a province's. A county build ends before C2's code pays back what compiling it cost, so below
 * {@link #OPTIMISE_FROM} sheets only the quick compiler (C1) runs. A province build needs C2 for the scorer,
 * the parser and the writers, but not for the once-per-page builders, which C2 compiled with everything they call
 * inlined ({@code StationPages.build} alone: 160 KB of machine code after 3–5 s of compiling) to run once per
 * page; from {@link #OPTIMISE_FROM} sheets those are left to C1 ({@link #ONCE_PER_PAGE}).
 * <p>
 * The directives are what {@code jcmd PID Compiler.directives_add FILE} adds, through the JVM's DiagnosticCommand
 * bean, on a daemon thread. Only the jar's own process asks ({@link RunPlan}; tests and {@code serve}, which
 * runs for hours, do not), and a JVM without the bean, or one that refuses, runs as before. They change how fast
 * the code runs, never what it does. {@code -Dkaoping.jit=default|quick|pages} forces a plan, for benchmarks.
 */
final class JitDirectives {
    /** Sheets from which a build is long enough for C2 to pay back (BENCHMARKS.md, fourth round). */
    static final int OPTIMISE_FROM = 20_000;

    /** The once-per-page builders, as HotSpot matches them; {@code JitDirectivesTest} checks each class exists. */
    static final List<String> ONCE_PER_PAGE = List.of(
            "org/kaoping/site/StationPages.*",
            "org/kaoping/site/SheetComparisons.*",
            "org/kaoping/site/PeriodTables.*",
            "org/kaoping/site/Recovery.*",
            "org/kaoping/site/ReportDrafts.*",
            "org/kaoping/render/SvgCharts.*",
            "org/kaoping/validate/SheetCheck.*");

    /** What to ask for. */
    enum Plan {
        /** Nothing: HotSpot as it comes. */
        DEFAULT(List.of()),
        /** C1 alone, for every method. */
        QUICK(List.of("*.*")),
        /** C2, except for the once-per-page builders. */
        PAGES(ONCE_PER_PAGE);

        final List<String> excluded;

        Plan(List<String> excluded) {
            this.excluded = excluded;
        }
    }

    private JitDirectives() {
    }

    /** The plan for a build reading this many sheets. */
    static Plan planFor(int sheets) {
        String forced = System.getProperty("kaoping.jit");
        if (forced != null) {
            try {
                return Plan.valueOf(forced.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("kaoping.jit=" + forced + " is not a plan (default, quick, pages): ignored");
            }
        }
        return sheets < OPTIMISE_FROM ? Plan.QUICK : Plan.PAGES;
    }

    /** Asks for the plan of a build reading this many sheets ({@link RunPlan}, once per process). */
    static void ask(int sheets) {
        Plan plan = planFor(sheets);
        if (plan.excluded.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> install(plan), "kaoping-jit");
        t.setDaemon(true);
        t.start();
    }

    /** The number of *.json names one folder down; any folder that cannot be listed counts as empty. */
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

    /** The directives as HotSpot reads them (its JSON dialect). */
    static String text(Plan plan) {
        StringBuilder match = new StringBuilder();
        for (String m : plan.excluded) {
            match.append(match.isEmpty() ? "" : ", ").append('"').append(m).append('"');
        }
        return "[{ match: [" + match + "], c2: { Exclude: true } }]\n";
    }

    /** Adds the plan's directives; returns the JVM's answer, or null when it has no such command or refused. */
    static String install(Plan plan) {
        Path file = null;
        try {
            // The command reads a file: Kaoping's own temporary one, removed at once.
            file = Files.createTempFile("kaoping-jit-", ".json");
            Files.writeString(file, text(plan));
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[]{new String[]{file.toString()}}, new String[]{String[].class.getName()});
            return answer == null ? null : answer.toString();
        } catch (Exception | LinkageError e) {
            return null; // not HotSpot, no management module: the build runs as before
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
