package org.kaoping.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What a build knew of the files it left in an output folder, kept for the next build: each file's digest with its
 * identity ({@link VerifiedFiles.Identity}) the moment Kaoping wrote it, in the folder's lock file ({@link BuildLock}).
 * The next build takes a file whose identity is unchanged since as checked instead of reading it: before a republish,
 * reading a province's previous site (1.6 GB) to prove it Kaoping's took about 2 s of the build.
 * <p>
 * Why an unchanged identity is enough: any later change to the file moves its status-change time (ctime), which no
 * program can set back, and its identity was taken from the file Kaoping had just written, not from one it assumed
 * untouched. A change within the same clock tick as Kaoping's own write (a few milliseconds, in the staging folder)
 * is the one that could pass; file systems whose times have no fraction of a second are never remembered. A digest
 * from the memo counts only where it is the marker's own. The memo
 * is input like any other file: one that does not read whole is ignored (every file is read, as without it), and a
 * lock file that holds anything else is not overwritten. It lies beside the output, not in it, so a copied site
 * carries none of the build machine's inode numbers; and the lock is held while it is read and written.
 */
final class IdentityMemo {
    static final String HEADER = "kaoping-identities 1";
    /** The memo of a province is about 3 MB; anything much larger is not one. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private IdentityMemo() {
    }

    /** The files the memo in the lock remembers, by '/'-separated path; none when it holds no memo that reads whole. */
    static Map<String, VerifiedFiles.Checked> read(BuildLock lock) {
        try {
            byte[] held = lock.content(MAX_BYTES);
            if (held == null) {
                return Map.of();
            }
            List<String> lines = new String(held, StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return Map.of();
            }
            Map<String, VerifiedFiles.Checked> remembered = new HashMap<>(lines.size() * 2);
            for (int i = 1; i < lines.size(); i++) {
                String[] f7 = lines.get(i).split(" ", -1);
                // The path needs no check of its own: an entry counts only for a path the marker lists.
                if (f7.length != 7 || !DIGEST.matcher(f7[0]).matches()) {
                    return Map.of();
                }
                VerifiedFiles.Identity id = new VerifiedFiles.Identity(Long.parseLong(f7[1]), Long.parseLong(f7[2]),
                        Long.parseLong(f7[3]), nanos(f7[4]), nanos(f7[5]));
                remembered.put(f7[6], new VerifiedFiles.Checked(f7[0], id));
            }
            return remembered;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // no memo: every file is read, as it always could be
        }
    }

    /**
     * Writes the memo of a build's files: each with the digest its marker lists and the identity it had the moment
     * Kaoping wrote it ({@code Staging}). A file whose times have no fraction of a second is left out: its file system
     * keeps coarse times (FAT, ext3), under which a change soon after Kaoping's write could leave them as they were.
     * Never fails the build: an output without a memo is only read whole by the next build.
     */
    static void write(BuildLock lock, Map<String, String> digests, Map<String, VerifiedFiles.Identity> identities) {
        try {
            if (!ours(lock)) {
                return;
            }
            StringBuilder b = new StringBuilder(identities.size() * 140).append(HEADER).append('\n');
            for (var e : digests.entrySet()) { // in the order written: the memo is read into a map
                String l = line(e.getKey(), e.getValue(), identities.get(e.getKey()));
                if (l != null) {
                    b.append(l);
                }
            }
            lock.replaceContent(b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Only a memory: without it the next build reads the files, as it always could.
        }
    }

    /** The memo's line for one file, or null when it is not to be remembered. */
    static String line(String relative, String digest, VerifiedFiles.Identity id) {
        if (id == null || digest.equals(Manifest.PENDING) || !(id.device() instanceof Long)
                || !(id.inode() instanceof Long)) {
            return null;
        }
        long modified = VerifiedFiles.nanos(id.modified());
        long changed = VerifiedFiles.nanos(id.changed());
        if (modified % 1_000_000_000L == 0 || changed % 1_000_000_000L == 0) {
            return null;
        }
        return digest + " " + id.device() + " " + id.inode() + " " + id.size() + " " + modified + " " + changed + " "
                + relative + "\n";
    }

    /** Whether the lock file is empty or holds a memo: a file of someone else's by that name is not overwritten. */
    private static boolean ours(BuildLock lock) throws IOException {
        String head = new String(lock.head(HEADER.length() + 1), StandardCharsets.UTF_8);
        return (HEADER + "\n").startsWith(head); // empty, a memo, or a memo's write stopped within its first line
    }

    private static FileTime nanos(String s) {
        return FileTime.from(Long.parseLong(s), TimeUnit.NANOSECONDS);
    }
}
