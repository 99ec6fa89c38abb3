package org.kaoping.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output folder's guarantees against a hostile marker, an unlucky interruption and a second
 * build (issue 8, findings 1, 3, 4 and the empty-subfolder case of 9), on small folders.
 */
class OutputFolderTrustTest {
    @TempDir
    Path temp;

    /** A completed build of two files into {@code out}. */
    private Path built(String name) {
        Path out = temp.resolve(name);
        try (OutputFolder f = OutputFolder.open(out, List.of())) {
            Staging s = f.stage();
            s.write("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            s.write("a/b.html", "<p>b</p>".getBytes(StandardCharsets.UTF_8));
            s.commit();
        }
        return out;
    }

    private Path victim() throws IOException {
        Path v = temp.resolve("victim.txt");
        Files.writeString(v, "not Kaoping's");
        return v;
    }

    private static OutputException refusal(Path out) {
        OutputException e = assertThrows(OutputException.class, () -> OutputFolder.open(out, List.of()).close());
        assertTrue(e.refused(), e.getMessage());
        return e;
    }

    @Test
    void aMarkerLineNamingAFileOutsideTheFolderIsRefusedAndNothingIsDeleted() throws IOException {
        Path victim = victim();
        String digest = Manifest.digest(Files.readAllBytes(victim));
        List<String> entries = List.of("../victim.txt", victim.toAbsolutePath().toString(), "a/../../victim.txt",
                "./index.html", "a//b.html", "a\\..\\..\\victim.txt");
        for (int i = 0; i < entries.size(); i++) {
            Path out = built("out" + i);
            Files.writeString(Manifest.file(out), digest + "  " + entries.get(i) + "\n", StandardOpenOption.APPEND);
            OutputException e = refusal(out);
            assertTrue(e.getMessage().contains("not a plain relative path") && e.getMessage().contains("nothing was deleted"),
                    e.getMessage());
            assertEquals("not Kaoping's", Files.readString(victim), entries.get(i));
            assertTrue(Files.exists(out.resolve("index.html")) && Files.exists(out.resolve("a/b.html")), entries.get(i));
        }
    }

    @Test
    void aLeftoverHoldingOnlyAMarkerThatNamesAFileOutsideIsRefused() throws IOException {
        Path victim = victim();
        String marker = Manifest.HEADER + " public\n" + Manifest.digest(Files.readAllBytes(victim)) + "  ../victim.txt\n";
        for (String leftover : List.of("out.staging", "out.previous")) {
            Path folder = temp.resolve(leftover);
            Files.createDirectories(folder);
            Files.writeString(Manifest.file(folder), marker);
            refusal(temp.resolve("out"));
            assertEquals("not Kaoping's", Files.readString(victim), leftover);
            assertTrue(Files.exists(Manifest.file(folder)), leftover);
            Files.delete(Manifest.file(folder));
            Files.delete(folder);
        }
    }

    @Test
    void aListedFileThatChangedSinceTheBuildIsNotDeleted() throws IOException {
        Path out = built("out");
        Files.writeString(out.resolve("index.html"), "edited by hand");
        OutputException e = refusal(out);
        assertTrue(e.getMessage().contains("index.html (changed since Kaoping wrote it)"), e.getMessage());
        assertEquals("edited by hand", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aListedFileReachedThroughALinkOrReplacedByOneIsNotDeleted() throws IOException {
        Path out = built("out");
        Path elsewhere = temp.resolve("elsewhere");
        Files.move(out.resolve("a"), elsewhere);
        Files.createSymbolicLink(out.resolve("a"), elsewhere);
        OutputException e = refusal(out);
        assertTrue(e.getMessage().contains("a/b.html (reached through the link a)") || e.getMessage().contains("a"),
                e.getMessage());
        assertTrue(Files.exists(elsewhere.resolve("b.html")));

        Path out2 = built("out2");
        Path victim = victim();
        Files.delete(out2.resolve("index.html"));
        Files.createSymbolicLink(out2.resolve("index.html"), victim);
        e = refusal(out2);
        assertTrue(e.getMessage().contains("index.html (not a regular file)"), e.getMessage());
        assertEquals("not Kaoping's", Files.readString(victim));
    }

    @Test
    void aFolderHoldingOnlyEmptySubfoldersIsNotEmptyAndKeepsThem() throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out.resolve("x/y"));
        OutputException e = refusal(out);
        assertTrue(e.getMessage().contains("x/"), e.getMessage());
        assertTrue(Files.isDirectory(out.resolve("x/y")));
        // The same in a previous output: an empty folder it does not account for is someone's.
        Path built = built("built");
        Files.createDirectories(built.resolve("mine"));
        e = refusal(built);
        assertTrue(e.getMessage().contains("mine/"), e.getMessage());
        assertTrue(Files.isDirectory(built.resolve("mine")));
    }

    @Test
    void anInterruptedStagingFolderIsRecoveredAutomaticallyAndSaid() throws IOException {
        Path out = built("out");
        // A build killed after writing one file and listing another it never wrote.
        OutputFolder first = OutputFolder.open(out, List.of());
        Staging s = first.stage();
        s.write("stations/x.html", new byte[]{1, 2, 3});
        Manifest.append(temp.resolve("out.staging"), "stations/never-written.html", Manifest.digest(new byte[0]));
        first.close();
        try (OutputFolder again = OutputFolder.open(out, List.of())) {
            assertTrue(again.notes().stream().anyMatch(n -> n.contains("out.staging") && n.contains("interrupted")),
                    again.notes().toString());
        }
        assertFalse(Files.exists(temp.resolve("out.staging")));
        assertEquals("<p>home</p>", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aSwapInterruptedBetweenItsRenamesIsPutBack() throws IOException {
        Path out = built("out");
        Files.move(out, temp.resolve("out.previous"));
        try (OutputFolder f = OutputFolder.open(out, List.of())) {
            assertTrue(f.notes().stream().anyMatch(n -> n.contains("restored")), f.notes().toString());
        }
        assertEquals("<p>home</p>", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aSecondBuildToTheSameFolderIsRefusedWhileTheFirstHoldsTheLock() {
        Path out = built("out");
        try (OutputFolder first = OutputFolder.open(out, List.of())) {
            first.stage().write("index.html", new byte[]{1});
            OutputException e = refusal(out);
            assertTrue(e.getMessage().contains("another build is writing to"), e.getMessage());
            assertTrue(Files.exists(temp.resolve("out.staging/index.html")), "the first build's staging is untouched");
        }
        // Released: the next build proceeds (and clears the first one's abandoned staging folder).
        try (OutputFolder next = OutputFolder.open(out, List.of())) {
            assertFalse(Files.exists(temp.resolve("out.staging")));
        }
    }

    @Test
    void publicAndInternalOutputsNeverReplaceEachOther() {
        Path out = built("out");
        OutputException e = assertThrows(OutputException.class, () -> OutputFolder.open(out, List.of(), "internal").close());
        assertTrue(e.refused() && e.getMessage().contains("holds a public build"), e.getMessage());
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    @Test
    void anOlderMarkerWithoutDigestsIsRefusedWithWhatToDo() throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "x");
        Files.writeString(Manifest.file(out), "kaoping-output 1\nindex.html\n");
        OutputException e = refusal(out);
        assertTrue(e.getMessage().contains("older Kaoping"), e.getMessage());
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    @Test
    void verifyNamesEveryFileAddedRemovedOrChanged() throws IOException {
        Path out = built("out");
        assertEquals(List.of(), DeployedCopy.verify(out).differences());
        assertEquals(2, DeployedCopy.verify(out).listed());
        Files.writeString(out.resolve("index.html"), "defaced");
        Files.delete(out.resolve("a/b.html"));
        Files.writeString(out.resolve("a/new.html"), "added");
        assertEquals(List.of(new DeployedCopy.Difference("added", "a/new.html"),
                        new DeployedCopy.Difference("removed", "a/b.html"),
                        new DeployedCopy.Difference("changed", "index.html")).stream()
                        .sorted((x, y) -> x.path().compareTo(y.path())).toList(),
                DeployedCopy.verify(out).differences());
        assertThrows(OutputException.class, () -> DeployedCopy.verify(temp));
    }

    @Test
    void stagingWritesOnlyPlainRelativePaths() {
        try (OutputFolder f = OutputFolder.open(temp.resolve("o"), List.of())) {
            Staging s = f.stage();
            for (String bad : Set.of("../x", "/etc/x", "a/./b", "a b", "é.html", "a/")) {
                assertThrows(OutputException.class, () -> s.write(bad, new byte[0]), bad);
            }
            s.discard();
        }
    }
}
