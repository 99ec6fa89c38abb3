package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler directives name classes that exist, a build's size picks its plan, and this JVM (HotSpot, as CI
 * runs) takes the directives.
 */
class JitDirectivesTest {
    @Test
    void everyOncePerPageDirectiveNamesAClassOfKaoping() {
        for (String m : JitDirectives.ONCE_PER_PAGE) {
            String name = m.replace('/', '.');
            assertDoesNotThrow(() -> Class.forName(name), m + " names no class: renamed without updating JitDirectives?");
        }
    }

    @Test
    void everyOncePerPeriodDirectiveNamesAMethodOfKaoping() throws Exception {
        for (String m : JitDirectives.ONCE_PER_PERIOD) {
            int dot = m.lastIndexOf('.');
            Class<?> c = Class.forName(m.substring(0, dot).replace('/', '.'));
            String method = m.substring(dot + 1);
            assertTrue(method.equals("*") || java.util.Arrays.stream(c.getDeclaredMethods())
                    .anyMatch(x -> x.getName().equals(method)), m + " names no method: renamed without updating JitDirectives?");
        }
    }

    @Test
    void aCountyBuildGetsTheQuickCompilerAndAProvinceTheOptimisingOne() {
        assertEquals(JitDirectives.Plan.QUICK, JitDirectives.planFor(0));
        assertEquals(JitDirectives.Plan.QUICK, JitDirectives.planFor(JitDirectives.OPTIMISE_FROM - 1));
        assertEquals(JitDirectives.Plan.PAGES, JitDirectives.planFor(JitDirectives.OPTIMISE_FROM));
        assertEquals("[{ match: [\"sun/security/provider/SHA2.*\", \"sun/security/provider/DigestBase.*\"], c2: { Exclude: false } }, "
                + "{ match: [\"*.*\"], c2: { Exclude: true } }]\n", JitDirectives.text(JitDirectives.Plan.QUICK));
        assertEquals("[{ match: [\"org/kaoping/site/StationPages.*\", \"org/kaoping/site/StationPages$*.*\", "
                + "\"org/kaoping/site/SheetComparisons.*\", \"org/kaoping/site/SheetComparisons$*.*\", "
                + "\"org/kaoping/site/PeriodTables.*\", \"org/kaoping/site/PeriodTables$*.*\", "
                + "\"org/kaoping/site/Recovery.*\", \"org/kaoping/site/Recovery$*.*\", "
                + "\"org/kaoping/site/ReportDrafts.*\", \"org/kaoping/site/ReportDrafts$*.*\", "
                + "\"org/kaoping/render/SvgCharts.*\", \"org/kaoping/render/SvgCharts$*.*\", "
                + "\"org/kaoping/validate/SheetCheck.*\", \"org/kaoping/validate/SheetCheck$*.*\", "
                + "\"org/kaoping/rank/PeriodScorer.score\", \"org/kaoping/rank/PeriodScorer.inPlaceOrder\", "
                + "\"org/kaoping/site/DeductedCriterion.of\", \"org/kaoping/render/DeflateBlocks.header\", "
                + "\"org/kaoping/render/DeflateBlocks.runLengths\", \"org/kaoping/render/HuffmanCode.*\", "
                + "\"org/kaoping/load/QuickSchema.keyword\"], c2: { Exclude: true } }]\n",
                JitDirectives.text(JitDirectives.Plan.PAGES));
    }

    @Test
    void theContentFolderIsReadFromABuildOrCheckCommandLineBeforePicocli() {
        assertEquals(Path.of("content"), RunPlan.contentFolder("build"));
        assertEquals(Path.of("content"), RunPlan.contentFolder("check", "--out", "x"));
        assertEquals(Path.of("/tmp/c"), RunPlan.contentFolder("build", "--out", "o", "--content", "/tmp/c", "--internal"));
        assertEquals(Path.of("c 2"), RunPlan.contentFolder("check", "--content=c 2"));
        assertEquals(null, RunPlan.contentFolder("build", "@args.txt"), "an argument file: wait for picocli");
        assertEquals(Path.of("c"), RunPlan.contentFolder("serve", "--port", "0", "--content", "c"));
        assertEquals(null, RunPlan.contentFolder("sample", "--stations", "5"));
        assertEquals(null, RunPlan.contentFolder());
    }

    @Test
    void sheetFilesAreCountedByNameOneFolderDown(@TempDir Path tmp) throws Exception {
        long shipped;
        try (Stream<Path> s = Files.walk(Path.of("content/sheets"), 2)) {
            shipped = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertTrue(shipped >= 10, "the sample's sheets: " + shipped);
        assertEquals(shipped, RunPlan.sheetFiles(Path.of("content/sheets")));
        Files.createDirectories(tmp.resolve("sheets/2023-q1/deeper"));
        Files.writeString(tmp.resolve("sheets/2023-q1/a.json"), "{}");
        Files.writeString(tmp.resolve("sheets/2023-q1/notes.txt"), "");
        Files.writeString(tmp.resolve("sheets/2023-q1/deeper/b.json"), "{}");
        Files.writeString(tmp.resolve("sheets/stray.json"), "{}");
        assertEquals(1, RunPlan.sheetFiles(tmp.resolve("sheets")));
        assertEquals(0, RunPlan.sheetFiles(tmp.resolve("nothing")));
    }

    @Test
    void theJvmAddsThemAndListsThem() throws Exception {
        String answer = JitDirectives.install(JitDirectives.Plan.PAGES);
        assertNotNull(answer, "the DiagnosticCommand bean refused the directives");
        try {
            assertEquals("1 compiler directives added", answer.trim());
            String listed = command("compilerDirectivesPrint");
            for (String m : JitDirectives.Plan.PAGES.excluded) {
                assertTrue(listed.contains(m), m + " not among the JVM's directives:\n" + listed);
            }
        } finally {
            command("compilerDirectivesRemove"); // the rest of the suite compiles as it would have
        }
    }

    @Test
    void theQuickPlanKeepsSha256ForC2AndTheJvmTakesBothDirectives() throws Exception {
        assertEquals("2 compiler directives added", JitDirectives.install(JitDirectives.Plan.QUICK).trim());
        try {
            String listed = command("compilerDirectivesPrint");
            for (String m : JitDirectives.DIGESTS) {
                assertTrue(listed.contains(m), m + " not among the JVM's directives:\n" + listed);
            }
            assertTrue(listed.indexOf(JitDirectives.DIGESTS.get(0)) < listed.indexOf("*.*"),
                    "the kept methods must come first (the first match applies):\n" + listed);
        } finally {
            command("compilerDirectivesRemove");
            command("compilerDirectivesRemove");
        }
    }

    @Test
    void theCommandBeanAndTheMBeanServerBothTakeTheDirectives(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("d.json");
        Files.writeString(file, JitDirectives.text(JitDirectives.Plan.PAGES));
        // The surefire JVM opens the package as the jar's manifest does (pom.xml), so this is the jar's own route.
        String direct = JitDirectives.viaCommandBean(file);
        assertNotNull(direct, "the DiagnosticCommand implementation was not reachable: is the package opened?");
        command("compilerDirectivesRemove");
        assertEquals("1 compiler directives added", direct.trim());
        String server = JitDirectives.viaMBeanServer(file);
        command("compilerDirectivesRemove");
        assertEquals("1 compiler directives added", String.valueOf(server).trim());
    }

    private static String command(String name) throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), name,
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
    }
}
