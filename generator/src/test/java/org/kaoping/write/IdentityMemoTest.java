package org.kaoping.write;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memo a build leaves in its lock file: the next build takes the files it remembers as checked without reading
 * them, and reads everything the memo cannot vouch for — a changed file, a memo that does not read whole, a digest
 * that is not the marker's. A lock file of someone else's is never overwritten.
 */
class IdentityMemoTest {
    @TempDir
    static Path temp;

    private static final String[] FILES = {"index.html", "stations/s1.html", "downloads/s1.csv"};

    /** One site per test, as a previous quarter's: built, then left alone for a while (one wait for all). */
    @BeforeAll
    static void sitesBuiltAWhileAgo() throws Exception {
        List<OutputFolder> open = new ArrayList<>();
        List<Staging> staged = new ArrayList<>();
        for (String name : new String[] {"listed", "republish", "changed", "torn", "forged"}) {
            OutputFolder f = OutputFolder.open(temp.resolve(name), List.of());
            Staging s = f.stage();
            for (String file : FILES) {
                s.write(file, ("<p>" + name + " " + file + "</p>").getBytes(StandardCharsets.UTF_8));
            }
            open.add(f);
            staged.add(s);
        }
        for (int i = 0; i < open.size(); i++) {
            staged.get(i).commit();
            open.get(i).close();
        }
        Thread.sleep(VerifiedFiles.MARGIN_NANOS / 1_000_000 + 200);
    }

    private static Path lock(String name) {
        return temp.resolve(name + ".lock");
    }

    /** A memory whose reads are counted. */
    private static VerifiedFiles counted(AtomicInteger reads) {
        return VerifiedFiles.forOneBuild(f -> {
            reads.incrementAndGet();
            return Manifest.digest(f);
        });
    }

    private static OutputFolder open(String name, AtomicInteger reads) {
        return OutputFolder.open(temp.resolve(name), List.of(), "public", true, counted(reads));
    }

    @Test
    void theMemoListsEveryFileWithTheMarkersDigest() throws IOException {
        List<String> lines = Files.readAllLines(lock("listed"), StandardCharsets.UTF_8);
        assertEquals(IdentityMemo.HEADER, lines.get(0));
        assertEquals(FILES.length + 1, lines.size(), String.join("\n", lines));
        var marker = Manifest.read(temp.resolve("listed")).digests();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(" ");
            assertEquals(marker.get(f[6]), f[0], l);
        }
    }

    @Test
    void aRepublishReadsNoneOfThePreviousSiteTheMemoRemembersAndStillReplacesIt() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        try (OutputFolder f = open("republish", reads)) {
            Staging s = f.stage();
            s.write("index.html", "<p>next quarter</p>".getBytes(StandardCharsets.UTF_8));
            s.commit();
        }
        assertEquals(0, reads.get(), "checked at the start, before the swap and before the deletion: no file read");
        Path out = temp.resolve("republish");
        assertEquals("<p>next quarter</p>", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("stations")), "the previous site's other files are gone");
        assertFalse(Files.exists(temp.resolve("republish.previous")));
    }

    @Test
    void aFileChangedSinceWithItsTimeSetBackIsReadAndKept() throws IOException {
        Path index = temp.resolve("changed").resolve("index.html");
        FileTime written = Files.getLastModifiedTime(index);
        String mine = "<p>CHANGED index.html</p>"; // as long as Kaoping's
        assertEquals(Files.size(index), mine.length());
        Files.writeString(index, mine);
        Files.setLastModifiedTime(index, written);
        AtomicInteger reads = new AtomicInteger();
        OutputException e = assertThrows(OutputException.class, () -> open("changed", reads).close());
        assertTrue(e.refused() && e.getMessage().contains("index.html (changed since Kaoping wrote it)"), e.getMessage());
        assertEquals(1, reads.get(), "the changed file alone is read: its status-change time moved");
        assertEquals(mine, Files.readString(index));
    }

    @Test
    void aMemoThatDoesNotReadWholeIsIgnoredAndEveryFileRead() throws IOException {
        Files.writeString(lock("torn"), Files.readString(lock("torn")).replaceFirst("\n[0-9a-f]{64} ", "\n0123 "));
        AtomicInteger reads = new AtomicInteger();
        open("torn", reads).close();
        assertEquals(FILES.length, reads.get());
    }

    @Test
    void aDigestInTheMemoThatIsNotTheMarkersIsNotBelieved() throws IOException {
        // The memo vouches for index.html under another digest: the marker's is the one that counts, so it is read.
        String memo = Files.readString(lock("forged"));
        String line = memo.lines().filter(l -> l.endsWith(" index.html")).findFirst().orElseThrow();
        Files.writeString(lock("forged"), memo.replace(line, "f".repeat(64) + line.substring(64)));
        AtomicInteger reads = new AtomicInteger();
        open("forged", reads).close();
        assertEquals(1, reads.get());
    }

    @Test
    void aFileChangedAfterKaopingWroteItButBeforeTheBuildEndedIsReadAndRefused() throws Exception {
        Path out = temp.resolve("touched");
        try (OutputFolder f = OutputFolder.open(out, List.of())) {
            Staging s = f.stage();
            s.write("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(50); // past the clock tick of Kaoping's own write
            Files.writeString(temp.resolve("touched.staging").resolve("index.html"), "<p>HOME</p>");
            s.commit();
        }
        AtomicInteger reads = new AtomicInteger();
        OutputException e = assertThrows(OutputException.class, () -> open("touched", reads).close());
        assertTrue(e.getMessage().contains("index.html (changed since Kaoping wrote it)"), e.getMessage());
        assertEquals(1, reads.get(), "its identity is not the one Kaoping noted as it wrote the file");
    }

    @Test
    void filesWhoseTimesHaveNoFractionOfASecondAreNotRemembered() {
        String digest = "a".repeat(64);
        FileTime fine = FileTime.from(1_796_211_469_274_225_704L, java.util.concurrent.TimeUnit.NANOSECONDS);
        FileTime coarse = FileTime.from(1_796_211_469L, java.util.concurrent.TimeUnit.SECONDS);
        var id = new VerifiedFiles.Identity(26L, 522359L, 77263L, fine, fine);
        assertEquals(digest + " 26 522359 77263 1796211469274225704 1796211469274225704 index.html\n",
                IdentityMemo.line("index.html", digest, id));
        assertEquals(null, IdentityMemo.line("index.html", digest, new VerifiedFiles.Identity(26L, 522359L, 77263L, coarse, fine)));
        assertEquals(null, IdentityMemo.line("index.html", digest, new VerifiedFiles.Identity(26L, 522359L, 77263L, fine, coarse)));
        assertEquals(null, IdentityMemo.line("index.html", Manifest.PENDING, id), "a file a stopped build was writing");
    }

    @Test
    void aLockFileOfSomeoneElsesIsNotOverwritten() throws IOException {
        Files.writeString(lock("theirs"), "notes of mine\n");
        try (OutputFolder f = OutputFolder.open(temp.resolve("theirs"), List.of())) {
            Staging s = f.stage();
            s.write("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            s.commit();
        }
        assertEquals("notes of mine\n", Files.readString(lock("theirs")));
        assertTrue(Files.exists(temp.resolve("theirs").resolve("index.html")));
    }
}
