package org.kaoping.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.SiteConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** `serve`'s cache gives a file's value and the digest of the bytes it was loaded from, and sees a same-tick edit. */
class LoadCacheTest {
    @TempDir
    Path tmp;

    private static Loaded<SiteConfig> load(LoadCache cache, Path file, FileDigest[] read) {
        List<Diagnostic> found = new ArrayList<>();
        Loaded<SiteConfig> loaded = cache.load(file, SchemaCheck.SITE, SiteConfig.class, found, Audience.PUBLIC, false,
                d -> read[0] = d);
        assertEquals(List.of(), found);
        return loaded;
    }

    @Test
    void anUnchangedFileGivesItsDigestAgainAndAnEditInTheSameTickIsLoadedAgain() throws Exception {
        String text = "{\"title\": \"某县考核\", \"bureau\": \"某县司法局\", \"county\": \"某县\", \"published\": \"2026-12-01\"}";
        Path file = Files.writeString(tmp.resolve("site.json"), text);
        LoadCache cache = new LoadCache();
        FileDigest[] first = new FileDigest[1];
        Loaded<SiteConfig> a = load(cache, file, first);
        assertNotNull(first[0]);
        assertArrayEquals(FileDigest.of(Files.readAllBytes(file)).sha256(), first[0].sha256());
        assertEquals(Files.size(file), first[0].length());

        FileDigest[] again = new FileDigest[1];
        assertSame(a, load(cache, file, again), "unchanged: from the cache");
        assertSame(first[0], again[0], "with the digest of the bytes it was loaded from");

        // Same size, same time, same file: only the bytes tell (the file was modified within RACY_MILLIS of loading).
        FileTime time = Files.getLastModifiedTime(file);
        byte[] edited = text.replace("2026-12-01", "2026-12-02").getBytes(StandardCharsets.UTF_8);
        Files.write(file, edited);
        Files.setLastModifiedTime(file, time);
        FileDigest[] after = new FileDigest[1];
        Loaded<SiteConfig> b = load(cache, file, after);
        assertNotSame(a, b);
        assertEquals("2026-12-02", b.value().published());
        assertArrayEquals(FileDigest.of(edited).sha256(), after[0].sha256());
    }

    @Test
    void aSameSizeEditGivenBackItsOldTimeIsLoadedAgain() throws Exception {
        // Long after its last change (not racy: trusted by its metadata), then edited to the same size and given its
        // old modification time back, as `touch -r` or `cp -p` would: only the status-change time shows it.
        String text = "{\"title\": \"某县考核\", \"bureau\": \"某县司法局\", \"county\": \"某县\", \"published\": \"2026-12-01\"}";
        Path file = Files.writeString(tmp.resolve("site.json"), text);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(file, old);
        Thread.sleep(LoadCache.RACY_MILLIS + 100); // the status-change time, set just now, must be old enough too
        LoadCache cache = new LoadCache();
        FileDigest[] first = new FileDigest[1];
        Loaded<SiteConfig> a = load(cache, file, first);
        FileDigest[] again = new FileDigest[1];
        assertSame(a, load(cache, file, again), "unchanged: from the cache");

        Files.writeString(file, text.replace("某县考核", "某区考核"));
        Files.setLastModifiedTime(file, old);
        FileDigest[] edited = new FileDigest[1];
        Loaded<SiteConfig> b = load(cache, file, edited);
        assertNotSame(a, b);
        assertEquals("某区考核", b.value().title());
        assertEquals(false, java.util.Arrays.equals(first[0].sha256(), edited[0].sha256()));
    }
}
