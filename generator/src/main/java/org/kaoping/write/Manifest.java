package org.kaoping.write;

import org.kaoping.load.Quote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The marker file {@value #NAME} in every folder Kaoping writes: a header naming the audience,
 * then one line per file Kaoping wrote there, {@code <sha-256>  <path>} (the format of
 * {@code sha256sum}). It is appended to while a build writes (so an interrupted staging folder
 * still says what is Kaoping's) and rewritten sorted when the build completes (so two builds are
 * byte-identical). It is also the integrity manifest {@code kaoping verify} checks a deployed copy
 * against.
 * <p>
 * The marker is input like any other file: {@link #read} refuses an entry that is not a plain,
 * normalised relative path, and {@link #owned} refuses a listed file that is not a regular file
 * with the recorded digest. Only files that pass both are ever deleted.
 */
final class Manifest {
    static final String NAME = ".kaoping-output";
    static final String HEADER = "kaoping-output 2";
    static final String COMMENT = "# Written by `kaoping build`: SHA-256 and path of every file Kaoping wrote here; "
            + "the next build replaces this folder. `kaoping verify <folder>` checks a copy against it.";
    /** Version-control placeholders: tolerated in an output, carried over, never deleted. */
    static final Set<String> KEPT = Set.of(".gitkeep");
    /**
     * The digest listed for a file while it is being written ({@code Staging.stream}): any regular file at that
     * path is Kaoping's. A build lists the real digest on a later line when the file is complete, and the
     * finished marker holds only real digests; so a pending entry is left only by a build that was stopped.
     */
    static final String PENDING = "0".repeat(64);
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    /** What a marker says: the build's audience and each file's digest by '/'-separated path. */
    record Marker(String audience, Map<String, String> digests) {
    }

    private Manifest() {
    }

    static Path file(Path folder) {
        return folder.resolve(NAME);
    }

    static void start(Path folder, String audience) throws IOException {
        Files.writeString(file(folder), HEADER + " " + audience + "\n" + COMMENT + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Records a file before it is written, so that a build killed in between leaves nothing unlisted. */
    static void append(Path folder, String relative, String digest) throws IOException {
        Files.writeString(file(folder), line(relative, digest), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** A file's line in the marker. */
    static String line(String relative, String digest) {
        return digest + "  " + relative + "\n";
    }

    static void finish(Path folder, String audience, Map<String, String> written) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append(' ').append(audience).append('\n').append(COMMENT).append('\n');
        new TreeMap<>(written).forEach((p, d) -> b.append(d).append("  ").append(p).append('\n'));
        Files.writeString(file(folder), b.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The folder's marker, or null when it has none (no file, or a file that does not start with
     * the header). A marker with an entry that could name anything outside the folder is refused.
     */
    static Marker read(Path folder) throws IOException {
        Path f = file(folder);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.size(f) > 64L * 1024 * 1024) {
            throw OutputException.refused(f + " is too large to be a Kaoping marker; refusing to touch " + folder);
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER + " ")) {
            if (!lines.isEmpty() && lines.get(0).startsWith("kaoping-output ")) {
                throw OutputException.refused(f + " was written by an older Kaoping without file digests; "
                        + "move " + folder + " away or delete it yourself once, then build again");
            }
            return null;
        }
        String audience = lines.get(0).substring(HEADER.length() + 1);
        if (!audience.equals("public") && !audience.equals("internal")) {
            throw OutputException.refused(f + ":1: unknown audience " + Quote.of(audience)
                    + "; refusing to touch " + folder + " (nothing was deleted)");
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(l);
            if (!m.matches()) {
                throw OutputException.refused(f + ":" + (i + 1) + ": not a \"<sha-256>  <path>\" line: "
                        + Quote.of(l) + "; refusing to touch " + folder + " (nothing was deleted)");
            }
            String path = m.group(2);
            if (!isPlainRelative(path)) {
                throw OutputException.refused(f + ":" + (i + 1) + ": " + Quote.of(path)
                        + " is not a plain relative path inside the folder; refusing to touch " + folder
                        + " (nothing was deleted)");
            }
            listed.put(path, m.group(1));
        }
        return new Marker(audience, listed);
    }

    /** 'a/b/c.html': no leading '/', no '.', '..' or empty segment, no backslash, nothing but safe characters. */
    static boolean isPlainRelative(String path) {
        if (path.isEmpty() || path.length() > 1000) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || !SEGMENT.matcher(seg).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that every listed file still present is Kaoping's own: reached through real folders
     * (no symbolic link on the way), a regular file, with the recorded digest.
     *
     * @return the problems, one per file; empty when everything listed may be deleted
     */
    static List<String> owned(Path folder, Marker marker) throws IOException {
        return owned(folder, marker, VerifiedFiles.none(), false);
    }

    /**
     * As {@link #owned(Path, Marker)}, files this build already read taken from {@code verified}; {@code overCores}:
     * the files checked over the cores (reading a province's output took seconds on one), the problems still said in
     * the marker's order.
     */
    static List<String> owned(Path folder, Marker marker, VerifiedFiles verified, boolean overCores) throws IOException {
        List<Map.Entry<String, String>> entries = new ArrayList<>(marker.digests().entrySet());
        String[] problems = new String[entries.size()];
        Map<String, Boolean> links = new java.util.concurrent.ConcurrentHashMap<>(); // a folder's 10,000 files, one look
        EachFile.run(entries.size(), overCores ? Runtime.getRuntime().availableProcessors() : 1,
                i -> problems[i] = problem(folder, entries.get(i).getKey(), entries.get(i).getValue(), verified, links));
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Why one listed file is not Kaoping's own to delete, or null when it is (or is gone). */
    private static String problem(Path folder, String relative, String digest, VerifiedFiles verified,
                                  Map<String, Boolean> links) throws IOException {
        Path p = folder.resolve(relative);
        if (!p.normalize().startsWith(folder)) {
            return relative + " (outside the folder)";
        }
        String through = linkOnTheWay(folder, relative, links);
        if (through != null) {
            return relative + " (reached through the link " + through + ")";
        }
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return null; // gone, or not to be found there (as Files.exists would say): nothing to delete
        }
        if (!a.isRegularFile()) {
            return relative + " (not a regular file)";
        }
        if (!digest.equals(PENDING) && !verified.hasDigest(p, relative, digest)) {
            return relative + " (changed since Kaoping wrote it)";
        }
        return null;
    }

    /** The first folder on the way to the file that is a symbolic link, or null; {@code links}: folders looked at. */
    private static String linkOnTheWay(Path folder, String relative, Map<String, Boolean> links) {
        for (int i = relative.indexOf('/'); i >= 0; i = relative.indexOf('/', i + 1)) {
            String on = relative.substring(0, i);
            if (links.computeIfAbsent(on, f -> Files.isSymbolicLink(folder.resolve(f)))) {
                return on;
            }
        }
        return null;
    }

    static String digest(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    static String digest(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a folder holds, as '/'-separated relative paths, each list sorted: its folders (not itself) and the rest. */
    record Tree(List<String> files, List<String> folders) {
    }

    /**
     * The folder's entries in one walk that follows no link, each looked at once (a province's output is 20,000
     * files, walked at least twice a republish): a link, a pipe or a device is one of its files.
     */
    static Tree tree(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                if (!dir.equals(folder)) {
                    folders.add(relative(folder, dir));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                files.add(relative(folder, file));
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        folders.sort(null);
        return new Tree(files, folders);
    }

    /** Every entry under the folder that is not a directory, as '/'-separated relative paths, sorted. */
    static List<String> files(Path folder) throws IOException {
        return tree(folder).files();
    }

    /** Every folder under the folder (not itself), '/'-separated, sorted. */
    static List<String> folders(Path folder) throws IOException {
        return tree(folder).folders();
    }

    private static String relative(Path folder, Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Entries in the folder that Kaoping did not write: files neither listed, nor the marker, nor a
     * placeholder, and folders that hold no listed file (an empty folder is someone's, not ours).
     */
    static List<String> foreign(Path folder, Set<String> listed) throws IOException {
        List<String> out = new ArrayList<>();
        Tree tree = tree(folder);
        for (String f : tree.files()) {
            if (!f.equals(NAME) && !KEPT.contains(f) && !listed.contains(f)) {
                out.add(f);
            }
        }
        Set<String> parents = new TreeSet<>();
        for (String l : listed) {
            for (int i = l.indexOf('/'); i >= 0; i = l.indexOf('/', i + 1)) {
                parents.add(l.substring(0, i));
            }
        }
        for (String d : tree.folders()) {
            if (!parents.contains(d)) {
                out.add(d + "/");
            }
        }
        out.sort(null);
        return out;
    }
}
