package org.kaoping.cli;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Asks HotSpot to leave the once-per-page builders to its quick compiler (C1) instead of the optimising one (C2).
 * <p>
 * Why: in a province build C2 spent about a quarter of the CPU (perf, 10,000 × 8) compiling these methods with
 * everything they call inlined — {@code StationPages.build} alone became 160 KB of machine code after 3–5 s of
 * compiling, {@code SheetComparisons.compare}, {@code PeriodTables.ranking} and the report drafts 1–3 s each —
 * for methods that run once per page or sheet; the scorer and the writers they call are still compiled by C2 on
 * their own. It is what {@code jcmd PID Compiler.directives_add FILE} does, through the JVM's DiagnosticCommand
 * bean. Only large builds ask (starting the bean costs about 0.2 s), on a background thread; a JVM without the
 * bean, or one that refuses, builds as before. It changes how fast the code runs, never what it does.
 */
final class JitDirectives {
    /** Sheets from which a build asks: below it C2 compiles few of these methods and the bean's start-up weighs more. */
    static final int FROM_SHEETS = 5_000;

    /** The builders, as HotSpot matches them (class/name.method); {@code JitDirectivesTest} checks each class exists. */
    static final List<String> ONCE_PER_PAGE = List.of(
            "org/kaoping/site/StationPages.*",
            "org/kaoping/site/SheetComparisons.*",
            "org/kaoping/site/PeriodTables.*",
            "org/kaoping/site/Recovery.*",
            "org/kaoping/site/ReportDrafts.*",
            "org/kaoping/render/SvgCharts.*",
            "org/kaoping/validate/SheetCheck.*");

    private static volatile boolean asked;

    private JitDirectives() {
    }

    /** For a build of this many sheets, asks once per process, on a daemon thread. */
    static void forBuildOf(int sheets) {
        if (sheets < FROM_SHEETS || asked) {
            return;
        }
        asked = true;
        Thread t = new Thread(JitDirectives::install, "kaoping-jit");
        t.setDaemon(true);
        t.start();
    }

    /** The directives as HotSpot reads them (its JSON dialect). */
    static String text() {
        StringBuilder match = new StringBuilder();
        for (String m : ONCE_PER_PAGE) {
            match.append(match.isEmpty() ? "" : ", ").append('"').append(m).append('"');
        }
        return "[{ match: [" + match + "], c2: { Exclude: true } }]\n";
    }

    /** Adds the directives; returns the JVM's answer, or null when it has no such command or refused. */
    static String install() {
        Path file = null;
        try {
            // The command reads a file: Kaoping's own temporary one, removed at once.
            file = Files.createTempFile("kaoping-jit-", ".json");
            Files.writeString(file, text());
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[]{new String[]{file.toString()}}, new String[]{String[].class.getName()});
            return answer == null ? null : answer.toString();
        } catch (Exception | LinkageError e) {
            return null; // not HotSpot, no management module, or a security manager: the build runs as before
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
