package org.kaoping.write;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of an output whose digest one build already found to be the marker's, so that the same build checks them again
 * (before the swap, before deleting the previous site) by their identity instead of reading them again: a
 * province's output is 1.6 GB, and a republish read it three times. A file counts as unchanged only if its device,
 * inode, size, modification time and status-change time (ctime, which no program can set back) are all as they were
 * when it was read, and that ctime lies more than {@link #MARGIN_NANOS} before the read began, so that a change in the
 * same clock tick as the read cannot pass for none. Renaming a folder above it changes none of these. Where the
 * platform cannot tell all of them, every file is read again. What the previous build into the folder left in its
 * {@link IdentityMemo} is taken in too: identities it took the moment it wrote each file.
 */
final class VerifiedFiles {
    /** How long before a check a file must have last changed for the check to be remembered. */
    static final long MARGIN_NANOS = 2_000_000_000L;
    private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";
    static final boolean SUPPORTED = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** What identifies a file's content without reading it. */
    record Identity(Object device, Object inode, long size, FileTime modified, FileTime changed) {
    }

    /** A file found to have this digest while it had this identity. */
    record Checked(String digest, Identity identity) {
    }

    /** How a file's SHA-256 is read (tests count the reads). */
    interface Digest {
        String of(Path file) throws IOException;
    }

    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private final boolean remembers;
    private final Digest digest;

    private VerifiedFiles(boolean remembers, Digest digest) {
        this.remembers = remembers && SUPPORTED;
        this.digest = digest;
    }

    /** A memory for one build's checks. */
    static VerifiedFiles forOneBuild() {
        return forOneBuild(Manifest::digest);
    }

    static VerifiedFiles forOneBuild(Digest digest) {
        return new VerifiedFiles(true, digest);
    }

    /** No memory: every file is read each time it is checked. */
    static VerifiedFiles none() {
        return new VerifiedFiles(false, Manifest::digest);
    }

    /**
     * Takes what an earlier build found ({@link IdentityMemo}) as found by this one: each file still counts only while
     * its identity is unchanged, and only for the digest found then.
     */
    void remember(Map<String, Checked> found) {
        if (remembers) {
            checked.putAll(found);
        }
    }

    /**
     * Whether the file at {@code relative} (a regular file, not followed through a link) has the digest {@code expected}:
     * from memory when it was found so before and is unchanged since, otherwise by reading it.
     */
    boolean hasDigest(Path file, String relative, String expected) throws IOException {
        if (!remembers) {
            return digest.of(file).equals(expected);
        }
        Identity before = identity(file);
        Checked c = checked.get(relative);
        if (c != null && c.digest().equals(expected) && c.identity().equals(before)) {
            return true;
        }
        long readAt = System.currentTimeMillis() * 1_000_000L;
        boolean same = digest.of(file).equals(expected);
        // Remembered only if nothing changed while it was read, and its last change was well before the read.
        if (same && before.equals(identity(file)) && settled(before, readAt)) {
            checked.put(relative, new Checked(expected, before));
        }
        return same;
    }

    /** Whether a file of this identity last changed well before {@code lookedAt} (nanoseconds since the epoch). */
    private static boolean settled(Identity id, long lookedAt) {
        return nanos(id.changed()) < lookedAt - MARGIN_NANOS && nanos(id.modified()) < lookedAt - MARGIN_NANOS;
    }

    /** A file time in nanoseconds since the epoch. */
    static long nanos(FileTime t) {
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static Identity identity(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new Identity(Objects.requireNonNull(a.get("dev")), Objects.requireNonNull(a.get("ino")),
                (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"));
    }
}
