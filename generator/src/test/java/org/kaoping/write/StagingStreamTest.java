package org.kaoping.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file streamed to staging is the file written whole would be, digest in the marker included; a stream that
 * fails leaves no file; a build stopped while streaming leaves a staging folder the next build removes.
 */
class StagingStreamTest {
    @TempDir
    Path temp;

    private static byte[] content() {
        return "逐项得分,".repeat(100_000).getBytes(StandardCharsets.UTF_8); // larger than the stream's buffer
    }

    @Test
    void aStreamedFileIsTheWrittenOneAndItsDigestIsListed() throws IOException {
        Path whole = temp.resolve("whole");
        Path streamed = temp.resolve("streamed");
        try (OutputFolder f = OutputFolder.open(whole, List.of())) {
            Staging s = f.stage();
            s.write("downloads/p/a.xlsx", content());
            s.commit();
        }
        try (OutputFolder f = OutputFolder.open(streamed, List.of())) {
            Staging s = f.stage();
            s.stream("downloads/p/a.xlsx", out -> {
                byte[] c = content();
                out.write(c, 0, 1000);
                out.write(c[1000]);
                out.write(c, 1001, c.length - 1001);
            });
            assertEquals(1, s.files());
            assertEquals(content().length, s.bytes());
            s.commit();
        }
        assertArrayEquals(Files.readAllBytes(whole.resolve("downloads/p/a.xlsx")),
                Files.readAllBytes(streamed.resolve("downloads/p/a.xlsx")));
        assertEquals(Files.readString(Manifest.file(whole)), Files.readString(Manifest.file(streamed)));
        assertFalse(Files.readString(Manifest.file(streamed)).contains(Manifest.PENDING));
    }

    @Test
    void aFailedStreamLeavesNoFileAndTheSamePathCannotBeClaimedTwice() throws IOException {
        Path out = temp.resolve("out");
        try (OutputFolder f = OutputFolder.open(out, List.of())) {
            Staging s = f.stage();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.stream("big.txt", o -> {
                o.write(content());
                throw new IllegalStateException("broken");
            }));
            assertEquals("broken", e.getMessage());
            assertFalse(Files.exists(temp.resolve("out.staging/big.txt")));
            s.stream("twice.txt", o -> o.write(1));
            assertThrows(OutputException.class, () -> s.stream("twice.txt", o -> o.write(2)));
            assertThrows(OutputException.class, () -> s.write("twice.txt", new byte[]{3}));
            s.discard();
        }
        assertFalse(Files.exists(temp.resolve("out.staging")));
    }

    @Test
    void aBuildStoppedWhileStreamingLeavesAStagingFolderTheNextBuildRemoves() throws IOException {
        Path out = temp.resolve("out");
        OutputFolder first = OutputFolder.open(out, List.of());
        Staging s = first.stage();
        s.write("index.html", new byte[]{1});
        // Stopped in the middle of a stream: the file is listed as pending and holds part of its content.
        Path staging = temp.resolve("out.staging");
        Manifest.append(staging, "downloads/p/half.xlsx", Manifest.PENDING);
        Files.createDirectories(staging.resolve("downloads/p"));
        Files.write(staging.resolve("downloads/p/half.xlsx"), new byte[]{80, 75, 3, 4});
        first.close();
        try (OutputFolder again = OutputFolder.open(out, List.of())) {
            assertTrue(again.notes().stream().anyMatch(n -> n.contains("out.staging") && n.contains("interrupted")),
                    again.notes().toString());
        }
        assertFalse(Files.exists(staging));
    }

    @Test
    void linesAppendedByManyThreadsAtOnceAreWholeAndListEveryFile() throws Exception {
        Path out = temp.resolve("out");
        try (OutputFolder f = OutputFolder.open(out, List.of())) {
            Staging s = f.stage();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String name = "d" + (i % 7) + "/t" + thread + "-" + i + ".csv";
                        if (i % 50 == 0) {
                            s.stream(name, o -> o.write(name.getBytes(StandardCharsets.UTF_8)));
                        } else {
                            s.write(name, name.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }));
            }
            for (var d : done) {
                d.get();
            }
            pool.shutdown();
            // The marker as a stopped build would leave it: every line whole, every file listed with its digest.
            Manifest.Marker m = Manifest.read(temp.resolve("out.staging"));
            assertEquals(1200, m.digests().size());
            for (var e : m.digests().entrySet()) {
                assertEquals(Manifest.digest(e.getKey().getBytes(StandardCharsets.UTF_8)), e.getValue(), e.getKey());
            }
            s.commit();
        }
        assertEquals(1200, Manifest.read(out).digests().size());
    }
}
