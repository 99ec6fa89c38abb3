package org.kaoping.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link Fingerprint} (data version) of content/ and rubrics/, kept so that `serve` can compute it again
 * after files changed without reading every file: the SHA-256 state before each file is remembered, and a
 * change digests again only from the first changed file on (the data version is one SHA-256 over all files in
 * path order, so everything after a changed file must be digested again; the newest period's sheets sort last).
 * The bytes of the last {@value #KEPT_BYTES} bytes' worth of files are kept too, so that a change there (the newest
 * period's sheets, the station registry) reads only the changed files. Gives exactly {@link Fingerprint#of}'s value.
 */
public final class FingerprintChain {
    private record Entry(String label, String relative, Path file) {
    }

    /** How many bytes of the last files are kept in memory (the newest period of a 10,000-station province: 42 MB). */
    static final long KEPT_BYTES = 64L << 20;

    private final List<Entry> entries;
    private final Map<String, Integer> index;
    /** before[i]: the digest after every file before entry i; before[n] is complete. Never updated once stored. */
    private final MessageDigest[] before;
    /** kept[i]: entry i's bytes as digested, for the last entries; null before them. */
    private final byte[][] kept;
    private final long keptBytes;
    private final Path content;
    private final Fingerprint value;

    private FingerprintChain(List<Entry> entries, Map<String, Integer> index, MessageDigest[] before, byte[][] kept,
                             long keptBytes, Path content) {
        this.keptBytes = keptBytes;
        this.entries = entries;
        this.index = index;
        this.before = before;
        this.kept = kept;
        this.content = content;
        this.value = new Fingerprint(HexFormat.of().formatHex(copy(before[entries.size()]).digest()));
    }

    public Fingerprint fingerprint() {
        return value;
    }

    /** As {@link Fingerprint#of}, remembering the digest state before each file. */
    public static FingerprintChain of(Path content, Path rubrics) {
        return of(content, rubrics, KEPT_BYTES);
    }

    /** As {@link #of(Path, Path)}, keeping the last {@code keptBytes} bytes' worth of files (tests: fewer). */
    static FingerprintChain of(Path content, Path rubrics, long keptBytes) {
        try {
            List<Entry> entries = new ArrayList<>();
            list(entries, "content", content);
            list(entries, "rubrics", rubrics);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                index.put(entries.get(i).label() + "/" + entries.get(i).relative(), i);
            }
            MessageDigest[] before = new MessageDigest[entries.size() + 1];
            byte[][] kept = new byte[entries.size()][];
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            digestFrom(0, md, entries, before, kept, new boolean[entries.size()], keptBytes);
            return new FingerprintChain(List.copyOf(entries), index, before, kept, keptBytes, content.toRealPath());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        } catch (IOException e) {
            throw Fingerprint.unreadable(e);
        } catch (UncheckedIOException e) {
            throw Fingerprint.unreadable(e);
        }
    }

    /**
     * The chain after the given content files changed (the same files, new bytes), or null when one of them is
     * not a file of this chain (then only {@link #of} can say).
     */
    public FingerprintChain after(Collection<Path> changed) {
        int first = entries.size();
        boolean[] read = new boolean[entries.size()];
        for (Path p : changed) {
            Integer i;
            try {
                i = index.get("content/" + content.relativize(p.toRealPath()).toString().replace('\\', '/'));
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
            if (i == null) {
                return null;
            }
            first = Math.min(first, i);
            read[i] = true;
        }
        MessageDigest[] next = Arrays.copyOf(before, before.length);
        byte[][] keep = Arrays.copyOf(kept, kept.length);
        try {
            digestFrom(first, copy(before[first]), entries, next, keep, read, keptBytes);
        } catch (IOException e) {
            throw new SiteException("cannot read " + e.getMessage() + " while computing the data version: "
                    + e.getClass().getSimpleName());
        }
        return new FingerprintChain(entries, index, next, keep, keptBytes, content);
    }

    /**
     * Digests entries {@code from} on into {@code states}; a file's bytes come from {@code kept} unless it is to be
     * {@code read} (changed) or not kept, and the last {@code keptBytes} bytes' worth are kept.
     */
    private static void digestFrom(int from, MessageDigest md, List<Entry> entries, MessageDigest[] states,
                                   byte[][] kept, boolean[] read, long keptBytes) throws IOException {
        long held = 0;
        for (byte[] b : kept) {
            held += b == null ? 0 : b.length;
        }
        int oldest = 0;
        for (int i = from; i < entries.size(); i++) {
            states[i] = copy(md);
            Entry e = entries.get(i);
            byte[] bytes = kept[i] != null && !read[i] ? kept[i] : Files.readAllBytes(e.file());
            md.update((e.label() + "/" + e.relative() + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
            held += bytes.length - (kept[i] == null ? 0 : kept[i].length);
            kept[i] = bytes;
            // Only the last files' bytes stay: the earliest kept go first.
            for (; held > keptBytes && oldest < i; oldest++) {
                if (kept[oldest] != null) {
                    held -= kept[oldest].length;
                    kept[oldest] = null;
                }
            }
        }
        states[entries.size()] = md;
    }

    private static void list(List<Entry> entries, String label, Path given) throws IOException {
        // As Fingerprint: the folder the loader reads, links and all, in '/'-separated relative path order.
        Path root = given.toRealPath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).forEach(files::add);
        }
        List<Entry> found = new ArrayList<>();
        for (Path f : files) {
            found.add(new Entry(label, root.relativize(f).toString().replace('\\', '/'), f));
        }
        found.sort((a, b) -> a.relative().compareTo(b.relative()));
        entries.addAll(found);
    }

    private static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be copied", e);
        }
    }
}
