package org.kaoping.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Files loaded by an earlier build of the same process (`serve`), so that a rebuild reads, validates and
 * binds again only the files that changed. A file is taken as unchanged when its path, size, modification
 * time, status-change time and file key (inode) are those it had when it was loaded; a file modified shortly before it was
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
    private record Entry(Stat stat, FileDigest read, boolean racy, Loaded<?> loaded, List<Diagnostic> findings) {
    }

    /**
     * What a file's metadata says of it. The status-change time (ctime, null where the file system has none) moves
     * with every write and with every change of the modification time, which anyone can set back ({@code touch -r},
     * {@code cp -p}, {@code rsync -t}): a same-size edit given its old time would otherwise be taken as unchanged.
     */
    private record Stat(boolean regular, long size, FileTime modified, FileTime changed, Object fileKey) {
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
        Stat before = stat(file);
        Entry e = entries.get(key);
        if (e != null && before != null && before.regular() && e.stat().equals(before)
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
        if (before != null && before.regular()) {
            FileTime latest = before.changed() != null && before.changed().compareTo(before.modified()) > 0
                    ? before.changed() : before.modified();
            boolean racy = System.currentTimeMillis() - latest.toMillis() < RACY_MILLIS;
            // Kept only if the file stood still while it was read.
            if (before.equals(stat(file))) {
                entries.put(key, new Entry(before, digest[0], racy, loaded, List.copyOf(found)));
            }
        }
        return loaded;
    }

    /** Forgets files no build asked for since the last call (removed or renamed files), bounding the cache. */
    public void sweep() {
        entries.keySet().retainAll(used.keySet());
        used.clear();
    }

    private static Stat stat(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:isRegularFile,size,lastModifiedTime,ctime,fileKey",
                    LinkOption.NOFOLLOW_LINKS);
            return new Stat((Boolean) a.get("isRegularFile"), (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                    (FileTime) a.get("ctime"), a.get("fileKey"));
        } catch (UnsupportedOperationException e) {
            try { // no "unix" view (Windows): without the status-change time
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Stat(a.isRegularFile(), a.size(), a.lastModifiedTime(), null, a.fileKey());
            } catch (IOException io) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of the file's bytes, or null when it cannot be read (then nothing is taken from the cache). */
    private static byte[] sha256(Path file) {
        try {
            return FileDigest.read(file).sha256();
        } catch (IOException e) {
            return null;
        }
    }
}
