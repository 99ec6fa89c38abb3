package org.kaoping.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Files loaded by an earlier build of the same process (`serve`), so that a rebuild reads, validates and
 * binds again only the files that changed. A file is taken as unchanged when its path, size, modification
 * time and file key (inode) are those it had when it was loaded; a file modified shortly before it was
 * loaded (within {@link #RACY_MILLIS}: an edit in the same clock tick would not show in its time) is also
 * compared by the SHA-256 of its bytes, as git does for "racily clean" files. Its findings and the digest of the
 * bytes it was loaded from are kept with it and given again on every build, so a cached file says exactly what a
 * fresh load would.
 */
public final class LoadCache {
    /** Modification times this close to the moment of loading are not trusted on their own. */
    static final long RACY_MILLIS = 2_000;

    private record Key(Path file, String schema, Class<?> type, Audience audience, boolean release) {
    }

    /** {@code read}: the bytes loaded (null if they could not be read); {@code racy}: compared by them too. */
    private record Entry(long size, FileTime modified, Object fileKey, FileDigest read, boolean racy, Loaded<?> loaded,
                         List<Diagnostic> findings) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Boolean> used = new ConcurrentHashMap<>();

    /** As {@link FileLoader#load(Path, String, Class, List, Audience, boolean)}, from the cache when the file is unchanged. */
    public <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                              boolean release) {
        return load(file, schema, type, sink, audience, release, digest -> { });
    }

    /** As {@link FileLoader#load(Path, String, Class, List, Audience, boolean, Consumer)}, from the cache when the file is unchanged. */
    @SuppressWarnings("unchecked")
    public <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                              boolean release, Consumer<FileDigest> read) {
        Key key = new Key(file.toAbsolutePath().normalize(), schema, type, audience, release);
        used.put(key, Boolean.TRUE);
        BasicFileAttributes before = attributes(file);
        Entry e = entries.get(key);
        if (e != null && before != null && same(e, before)
                && (!e.racy() || e.read() != null && MessageDigest.isEqual(e.read().sha256(), sha256(file)))) {
            sink.addAll(e.findings());
            if (e.read() != null) {
                read.accept(e.read());
            }
            return (Loaded<T>) e.loaded();
        }
        entries.remove(key);
        List<Diagnostic> found = new ArrayList<>();
        FileDigest[] digest = new FileDigest[1];
        Loaded<T> loaded = FileLoader.load(file, schema, type, found, audience, release, d -> digest[0] = d);
        sink.addAll(found);
        if (digest[0] != null) {
            read.accept(digest[0]);
        }
        if (before != null && before.isRegularFile()) {
            FileTime modified = before.lastModifiedTime();
            boolean racy = System.currentTimeMillis() - modified.toMillis() < RACY_MILLIS;
            BasicFileAttributes after = attributes(file);
            // Kept only if the file stood still while it was read.
            if (after != null && after.size() == before.size() && after.lastModifiedTime().equals(before.lastModifiedTime())
                    && Objects.equals(after.fileKey(), before.fileKey())) {
                entries.put(key, new Entry(before.size(), modified, before.fileKey(), digest[0], racy, loaded,
                        List.copyOf(found)));
            }
        }
        return loaded;
    }

    /** Forgets files no build asked for since the last call (removed or renamed files), bounding the cache. */
    public void sweep() {
        entries.keySet().retainAll(used.keySet());
        used.clear();
    }

    private static boolean same(Entry e, BasicFileAttributes a) {
        return a.isRegularFile() && e.size() == a.size() && e.modified().equals(a.lastModifiedTime())
                && Objects.equals(e.fileKey(), a.fileKey());
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of the file's bytes, or null when it cannot be read (then nothing is taken from the cache). */
    private static byte[] sha256(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
