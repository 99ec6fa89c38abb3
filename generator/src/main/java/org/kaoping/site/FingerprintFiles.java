package org.kaoping.site;

import org.kaoping.load.FileDigest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines a {@link Fingerprint} is made of, one per JSON file of content/ and rubrics/ (links followed, as the loader
 * follows them): "content/" or "rubrics/" and the file's '/'-separated path within, its length and its SHA-256,
 * tab-separated, in path order. `serve` keeps them: after files changed, only their lines are made again (from the
 * digests of the bytes loaded) and the lines combined again, milliseconds for a province's 80,000.
 */
public final class FingerprintFiles {
    /** A folder being walked, to refuse a folder linked into itself. */
    private record Ancestor(Path dir, Object fileKey) {
        boolean same(Path other, BasicFileAttributes a) throws IOException {
            // Where the platform has no file keys, as Files.walk: compared by what the paths open.
            return fileKey != null ? fileKey.equals(a.fileKey()) : Files.isSameFile(dir, other);
        }
    }

    /** {@code name}: the line's path; {@code file}: the path as the loader names it (the folder given, the path within). */
    private record Line(String name, Path file, byte[] text) {
        Line(String name, Path file, FileDigest digest) {
            // A newline in a file name is written \n (the name holds no backslash any more): no two sets of files give
            // the same lines.
            this(name, file, (name.replace("\n", "\\n") + "\t" + digest.length() + "\t"
                    + HexFormat.of().formatHex(digest.sha256()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * By path; two files of one '/'-separated path ("a\\b.json" beside "a/b.json" where '\' is no separator) by their
     * own paths, so that the order never depends on the order the platform lists a folder in.
     */
    private static final Comparator<Line> ORDER = Comparator.comparing(Line::name)
            .thenComparing(l -> l.file().toString());

    private final List<Line> lines;
    private final Fingerprint value;

    private FingerprintFiles(List<Line> lines) {
        this.lines = lines;
        MessageDigest md = FileDigest.newSha256();
        for (Line l : lines) {
            md.update(l.text());
        }
        this.value = new Fingerprint(HexFormat.of().formatHex(md.digest()));
    }

    public Fingerprint fingerprint() {
        return value;
    }

    /**
     * The lines of content/ and rubrics/: each file {@code read} names with that digest (the loader's, of the bytes it
     * read), every other file read here (a `*.schema.json`, notes: JSON files the loader does not read count too).
     */
    public static FingerprintFiles of(Path content, Path rubrics, Map<Path, FileDigest> read) {
        List<Line> lines = new ArrayList<>();
        int found;
        try {
            found = list("content", content, read, lines) + list("rubrics", rubrics, read, lines);
        } catch (IOException e) {
            throw unreadable(e);
        }
        // A file the build read and that is gone since still counts: the version names what was built. When every
        // file read was found again, none is missing (a file is found once, unless one folder lies in the other), and
        // a province's 80,000 are not looked up a second time.
        boolean nested = rubrics.startsWith(content) || content.startsWith(rubrics);
        if (nested || found != read.size()) {
            addGone(content, rubrics, read, lines);
        }
        lines.sort(ORDER);
        return new FingerprintFiles(List.copyOf(lines));
    }

    /** A line for each file {@code read} names that no line names yet. */
    private static void addGone(Path content, Path rubrics, Map<Path, FileDigest> read, List<Line> lines) {
        Set<Path> listed = new HashSet<>();
        for (Line l : lines) {
            listed.add(l.file());
        }
        read.forEach((file, digest) -> {
            if (!listed.contains(file)) {
                for (var folder : Map.of("content", content, "rubrics", rubrics).entrySet()) {
                    if (file.startsWith(folder.getValue())) {
                        lines.add(new Line(name(folder.getKey(), folder.getValue().relativize(file)), file, digest));
                    }
                }
            }
        });
    }

    /**
     * The lines after the given files changed (the same files, the digests of their new bytes), or null when one of
     * them has no line here (then only {@link #of} can say).
     */
    public FingerprintFiles after(Map<Path, FileDigest> changed) {
        List<Line> next = new ArrayList<>(lines.size());
        Set<Path> found = new HashSet<>();
        for (Line l : lines) {
            FileDigest d = changed.get(l.file());
            if (d == null) {
                next.add(l);
            } else {
                next.add(new Line(l.name(), l.file(), d));
                found.add(l.file());
            }
        }
        return found.size() == changed.size() ? new FingerprintFiles(List.copyOf(next)) : null;
    }

    /**
     * Every regular *.json file below the folder the loader reads, links and all (a folder given as a link: its target);
     * returns how many of them {@code read} names.
     */
    private static int list(String label, Path given, Map<Path, FileDigest> read, List<Line> lines) throws IOException {
        Path root = given.toRealPath();
        List<Ancestor> ancestors = new ArrayList<>();
        ancestors.add(new Ancestor(root, Files.readAttributes(root, BasicFileAttributes.class).fileKey()));
        return walk(root, given, label + "/", read, lines, ancestors);
    }

    /**
     * Below {@code dir} (a real path), named as the loader names it ({@code named}) and in the version ({@code prefix}):
     * as {@code Files.walk} with links followed, and a folder linked into itself refused as it refuses one; a file the
     * loader read is known to have been a regular file and is not asked again (a province's 80,000 sheets). Returns
     * how many files {@code read} names were found.
     */
    private static int walk(Path dir, Path named, String prefix, Map<Path, FileDigest> read, List<Line> lines,
                            List<Ancestor> ancestors) throws IOException {
        int found = 0;
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(entries::add);
        }
        for (Path p : entries) {
            String entry = p.getFileName().toString();
            Path file = named.resolve(entry); // as the loader names it
            String name = prefix + entry.replace('\\', '/');
            boolean json = entry.endsWith(".json");
            FileDigest loaded = json ? read.get(file) : null;
            if (loaded != null) {
                lines.add(new Line(name, file, loaded));
                found++;
                continue;
            }
            BasicFileAttributes a = attributes(p);
            if (a == null) {
                continue; // a link to nothing: no file
            }
            if (a.isDirectory()) {
                for (Ancestor above : ancestors) {
                    if (above.same(p, a)) {
                        throw new FileSystemLoopException(p.toString());
                    }
                }
                ancestors.add(new Ancestor(p, a.fileKey()));
                found += walk(p, file, name + "/", read, lines, ancestors);
                ancestors.remove(ancestors.size() - 1);
            } else if (json && a.isRegularFile()) {
                lines.add(new Line(name, file, FileDigest.read(p))); // a file the loader did not read
            }
        }
        return found;
    }

    /** The entry's attributes, links followed; null for a link to nothing. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                return null;
            }
            throw e;
        }
    }

    private static String name(String label, Path within) {
        return label + "/" + within.toString().replace('\\', '/');
    }

    /** A file or folder that could not be read while digesting, worded for the build's report. */
    private static SiteException unreadable(IOException e) {
        return new SiteException("cannot read " + e.getMessage() + " while computing the data version: "
                + e.getClass().getSimpleName() + (e instanceof FileSystemLoopException
                ? " (a folder linked into itself)" : ""));
    }
}
