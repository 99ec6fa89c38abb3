package org.kaoping.write;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build's memory of the output files it read: trusted only for a file unchanged in every way since, never otherwise. */
class VerifiedFilesTest {
    @TempDir
    static Path temp;

    /** Files and an output last changed more than the margin ago, as a previous build's are (one wait for all). */
    @BeforeAll
    static void oldFiles() throws Exception {
        for (String name : new String[] {"a.html", "b.html", "c.html", "d.html", "e.html"}) {
            Files.writeString(temp.resolve(name), "<p>" + name + "</p>");
        }
        try (OutputFolder f = OutputFolder.open(temp.resolve("out"), java.util.List.of())) {
            Staging s = f.stage();
            s.write("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            s.write("a/b.html", "<p>b</p>".getBytes(StandardCharsets.UTF_8));
            s.commit();
        }
        Thread.sleep(VerifiedFiles.MARGIN_NANOS / 1_000_000 + 200);
    }

    @Test
    void aListedFileChangedWhileTheBuildRanIsNotDeletedThoughItWasCheckedWhenTheBuildBegan() throws IOException {
        Path out = temp.resolve("out");
        Path index = out.resolve("index.html");
        FileTime written = Files.getLastModifiedTime(index);
        try (OutputFolder f = OutputFolder.open(out, java.util.List.of())) { // checked, and remembered: old enough
            Staging s = f.stage();
            s.write("index.html", "<p>new</p>".getBytes(StandardCharsets.UTF_8));
            Files.writeString(index, "<p>mine</p>"); // as long as Kaoping's, its time set back
            Files.setLastModifiedTime(index, written);
            OutputException e = org.junit.jupiter.api.Assertions.assertThrows(OutputException.class, s::commit);
            assertTrue(e.refused() && e.getMessage().contains("index.html (changed since Kaoping wrote it)"),
                    e.getMessage());
        }
        assertEquals("<p>mine</p>", Files.readString(index));
        assertEquals("<p>b</p>", Files.readString(out.resolve("a/b.html")));
    }

    private static String digest(String name) throws IOException {
        return Manifest.digest(temp.resolve(name));
    }

    /** A memory whose reads are counted. */
    private static VerifiedFiles counted(AtomicInteger reads) {
        return VerifiedFiles.forOneBuild(f -> {
            reads.incrementAndGet();
            return Manifest.digest(f);
        });
    }

    @Test
    void anUnchangedFileIsReadOnceAndAWrongDigestNeverComesFromMemory() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        VerifiedFiles v = counted(reads);
        String a = digest("a.html");
        assertTrue(v.hasDigest(temp.resolve("a.html"), "a.html", a));
        assertTrue(v.hasDigest(temp.resolve("a.html"), "a.html", a));
        assertTrue(v.hasDigest(temp.resolve("a.html"), "a.html", a));
        assertEquals(1, reads.get(), "read once, then remembered");
        assertFalse(v.hasDigest(temp.resolve("a.html"), "a.html", digest("b.html")));
        assertEquals(2, reads.get(), "another digest is read, not remembered");
        // The same path, another file (a second folder's "a.html") is read.
        assertTrue(v.hasDigest(temp.resolve("b.html"), "a.html", digest("b.html")));
        assertEquals(3, reads.get());
    }

    @Test
    void aFileChangedInPlaceWithItsTimeAndSizeSetBackIsReadAgainAndCaught() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        VerifiedFiles v = counted(reads);
        Path c = temp.resolve("c.html");
        String before = digest("c.html");
        FileTime modified = Files.getLastModifiedTime(c);
        assertTrue(v.hasDigest(c, "c.html", before));
        Files.writeString(c, "<p>x.html</p>"); // same length
        Files.setLastModifiedTime(c, modified);
        assertFalse(v.hasDigest(c, "c.html", before), "ctime moved: the file is read again");
        assertEquals(2, reads.get());
    }

    @Test
    void aFileReplacedByAnotherOfTheSameBytesIsReadAgain() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        VerifiedFiles v = counted(reads);
        Path d = temp.resolve("d.html");
        String before = digest("d.html");
        assertTrue(v.hasDigest(d, "d.html", before));
        Path copy = temp.resolve("d.copy");
        Files.copy(d, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, d, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(v.hasDigest(d, "d.html", before));
        assertEquals(2, reads.get(), "another inode: read again");
    }

    @Test
    void aFileChangedWithinTheMarginIsNeverRemembered() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        VerifiedFiles v = counted(reads);
        Path fresh = temp.resolve("fresh.html");
        Files.write(fresh, "<p>fresh</p>".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(fresh, FileTime.fromMillis(0)); // an old time: its ctime is still now
        String d = Manifest.digest(fresh);
        for (int i = 1; i <= 3; i++) {
            assertTrue(v.hasDigest(fresh, "fresh.html", d));
            assertEquals(i, reads.get(), "a change in the same tick as the read could pass for none");
        }
    }

    @Test
    void withoutMemoryEveryCheckReads() throws IOException {
        VerifiedFiles v = VerifiedFiles.none();
        Path e = temp.resolve("e.html");
        String before = digest("e.html");
        assertTrue(v.hasDigest(e, "e.html", before));
        Files.writeString(e, "<p>y.html</p>");
        assertFalse(v.hasDigest(e, "e.html", before));
    }
}
