package org.kaoping.cli;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells HotSpot which of its compilers a `build` or `check` is worth, by the number of sheets it reads.
 * <p>
 * Why: profiles (perf, BENCHMARKS.md) showed the optimising compiler (C2) taking a third of the sample site's CPU
 * and a quarter of a province's. A county build ends before C2's code pays back what compiling it cost, so below
 * {@link #OPTIMISE_FROM} sheets only the quick compiler (C1) runs. A province build needs C2 for the scorer,
 * the parser and the writers, but not for the once-per-page builders, which C2 compiled with everything they call
 * inlined ({@code StationPages.build} alone: 160 KB of machine code after 3–5 s of compiling) to run once per
 * page; from {@link #OPTIMISE_FROM} sheets those are left to C1 ({@link #ONCE_PER_PAGE}), and so are the methods run
 * once per period or deflate block whose loops C2 compiled for more than they ran ({@link #ONCE_PER_PERIOD}).
 * <p>
 * The directives are what {@code jcmd PID Compiler.directives_add FILE} adds, on a daemon thread. The jar's manifest
 * opens the JDK's DiagnosticCommand implementation to Kaoping ({@code Add-Opens}), so the command is given to it
 * directly ({@link #viaCommandBean}): about 50 ms, where the platform MBean server (the fallback, {@link
 * #viaMBeanServer}) loads some 700 classes and took 0.6–0.9 s on the second core of a county build, while C2 went on
 * compiling. Only the jar's own process asks ({@link RunPlan}; tests and {@code serve}, which runs for hours, do
 * not), and a JVM without the bean, or one that refuses, runs as before. They change how fast the code runs, never
 * what it does. {@code -Dkaoping.jit=default|quick|pages} forces a plan, for benchmarks. A build or check handed to a
 * second JVM gets its compilers there by flags instead ({@link SecondJvm.Compilers}): C1 alone for a county, lean C2
 * with this class's {@link Plan#PAGES} from {@link SecondJvm#PROVINCE_FROM} sheets.
 */
final class JitDirectives {
    /**
     * Sheets from which a build is long enough for C2 to pay back. C2's compiling costs some 9–12 s of CPU whatever
     * the size: at 20,000 sheets C1 alone built with 20.6–25.1 s of CPU instead of 27.9–30.1 s, at 40,000 the two
     * were even for a build and C1 ahead for a check (11.7–12.9 s against 15.0–18.3 s), at 80,000 C2 ahead for
     * both (BENCHMARKS.md, sixth round).
     */
    static final int OPTIMISE_FROM = 50_000;

    /**
     * The once-per-page builders, as HotSpot names classes; {@code JitDirectivesTest} checks each class exists. Each is
     * matched with its nested classes and lambdas ({@link #wholeClasses}): C2 compiled
     * {@code ReportDrafts$LossesByCriterion} and a lambda of {@code StationPages} with their callees inlined.
     */
    static final List<String> ONCE_PER_PAGE = List.of(
            "org/kaoping/site/StationPages",
            "org/kaoping/site/SheetComparisons",
            "org/kaoping/site/PeriodTables",
            "org/kaoping/site/Recovery",
            "org/kaoping/site/ReportDrafts",
            "org/kaoping/render/SvgCharts",
            "org/kaoping/validate/SheetCheck");

    /**
     * Methods run once per period, per deflate block or per file on a rarely taken path, whose loops made C2 compile
     * them (on-stack, then again whole) for more than they run: {@code PeriodScorer.score} 0.53 s of C2 in three
     * compilations for 0.3 % of a province build's samples, {@code DeductedCriterion.of} 0.27 s for 0.2 %, the
     * deflate blocks' tables 0.3 s for 0.1 % (BENCHMARKS.md, twentieth round). Left to C1, as the page builders.
     */
    static final List<String> ONCE_PER_PERIOD = List.of(
            "org/kaoping/rank/PeriodScorer.score",
            "org/kaoping/rank/PeriodScorer.inPlaceOrder",
            "org/kaoping/site/DeductedCriterion.of",
            "org/kaoping/render/DeflateBlocks.header",
            "org/kaoping/render/DeflateBlocks.runLengths",
            "org/kaoping/render/HuffmanCode.*",
            "org/kaoping/load/QuickSchema.keyword");

    /**
     * Kept for C2 when everything else is left to C1: SHA-256 (every input file, the data version, every output
     * file and the old output's are digested), which only C2 compiles to the processor's SHA instructions — in
     * C1's code it ran about three times slower, on the main thread.
     */
    static final List<String> DIGESTS = List.of(
            "sun/security/provider/SHA2.*",
            "sun/security/provider/DigestBase.*");

    /** What to ask for. */
    enum Plan {
        /** Nothing: HotSpot as it comes. */
        DEFAULT(List.of(), List.of()),
        /** C1 alone, but for SHA-256. */
        QUICK(DIGESTS, List.of("*.*")),
        /** C2, except for the once-per-page builders and the once-per-period methods. */
        PAGES(List.of(), Stream.concat(wholeClasses(ONCE_PER_PAGE).stream(), ONCE_PER_PERIOD.stream()).toList()),
        /**
         * Nothing to ask: a second JVM started with C1 alone ({@code -XX:TieredStopAtLevel=1}, {@link SecondJvm}),
         * which also spares the profiling that {@link #QUICK}'s code keeps doing.
         */
        C1(List.of(), List.of());

        /** Methods C2 may compile although {@link #excluded} matches them too (HotSpot takes the first match). */
        final List<String> kept;
        final List<String> excluded;

        Plan(List<String> kept, List<String> excluded) {
            this.kept = kept;
            this.excluded = excluded;
        }
    }

    private JitDirectives() {
    }

    /**
     * Patterns for these classes, their nested classes and lambdas, and nothing else: HotSpot takes a {@code *} only at
     * a name's end, so {@code SheetCheck*} would take {@code SheetChecks} too.
     */
    static List<String> wholeClasses(List<String> classes) {
        return classes.stream().flatMap(c -> Stream.of(c + ".*", c + "$*.*")).toList();
    }

    /** The plan for a build reading this many sheets. */
    static Plan planFor(int sheets) {
        String forced = System.getProperty("kaoping.jit");
        if (forced != null) {
            try {
                return Plan.valueOf(forced.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("kaoping.jit=" + forced + " is not a plan (default, quick, pages, c1): ignored");
            }
        }
        return sheets < OPTIMISE_FROM ? Plan.QUICK : Plan.PAGES;
    }

    /** Asks for the plan of a build reading this many sheets, on a daemon thread ({@link RunPlan}, once per process). */
    static void ask(int sheets) {
        Plan plan = planFor(sheets);
        if (plan.excluded.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> install(plan), "kaoping-jit");
        t.setDaemon(true);
        t.start();
    }

    /** The directives as HotSpot reads them (its JSON dialect; the first directive that matches a method applies). */
    static String text(Plan plan) {
        String excluded = "{ match: [" + quoted(plan.excluded) + "], c2: { Exclude: true } }";
        return plan.kept.isEmpty() ? "[" + excluded + "]\n"
                : "[{ match: [" + quoted(plan.kept) + "], c2: { Exclude: false } }, " + excluded + "]\n";
    }

    private static String quoted(List<String> patterns) {
        StringBuilder match = new StringBuilder();
        for (String m : patterns) {
            match.append(match.isEmpty() ? "" : ", ").append('"').append(m).append('"');
        }
        return match.toString();
    }

    /** Adds the plan's directives; returns the JVM's answer, or null when it has no such command or refused. */
    static String install(Plan plan) {
        Path file = null;
        try {
            // The command reads a file: Kaoping's own temporary one, removed at once.
            file = Files.createTempFile("kaoping-jit-", ".json");
            Files.writeString(file, text(plan));
            String answer = viaCommandBean(file);
            return answer != null ? answer : viaMBeanServer(file);
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

    /**
     * The command given to the JDK's DiagnosticCommand implementation itself, as jcmd's does; null when this JVM
     * has none or does not open it to Kaoping (the manifest's {@code Add-Opens} applies to {@code java -jar} only).
     */
    static String viaCommandBean(Path file) {
        try {
            // Its native methods are in the library that the provider class loads when it is initialised.
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method bean = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            bean.setAccessible(true);
            execute.setAccessible(true);
            Object answer = execute.invoke(bean.invoke(null), "Compiler.directives_add " + file);
            return answer == null ? null : answer.toString();
        } catch (Exception | LinkageError e) {
            return null; // not opened (tests, another launcher) or not this JDK's layout: the MBean server then
        }
    }

    /** The command through the platform MBean server, the public way: the same answer, many more classes. */
    static String viaMBeanServer(Path file) throws Exception {
        Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                new Object[]{new String[]{file.toString()}}, new String[]{String[].class.getName()});
        return answer == null ? null : answer.toString();
    }
}
