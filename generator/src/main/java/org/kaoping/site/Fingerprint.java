package org.kaoping.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the data a site was built from: SHA-256 over every JSON file of content/ and
 * rubrics/ (relative path, then bytes), in path order. Theme changes do not change it: it names
 * the data, so a printed page can be matched to the rubric and results it shows.
 */
public record Fingerprint(String sha256) {

    public String shortForm() {
        return sha256.substring(0, 12);
    }

    public static Fingerprint of(Path content, Path rubrics) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            digestFolder(md, "content", content);
            digestFolder(md, "rubrics", rubrics);
            return new Fingerprint(HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** A file or folder that could not be read while digesting, worded for the build's report. */
    static SiteException unreadable(IOException e) {
        return new SiteException("cannot read " + e.getMessage() + " while computing the data version: "
                + e.getClass().getSimpleName());
    }

    /** As {@link #unreadable(IOException)}, from a folder walk (which reports a loop this way). */
    static SiteException unreadable(UncheckedIOException e) {
        return new SiteException("cannot read " + e.getCause().getMessage() + " while computing the data version: "
                + e.getCause().getClass().getSimpleName() + " (a folder linked into itself?)");
    }

    private static void digestFolder(MessageDigest md, String label, Path given) throws IOException {
        // The folder the loader reads, links and all: --content given as a symbolic link, or a linked
        // sub-folder, is digested as what it points to (different data never gets the same version).
        Path root = given.toRealPath();
        // Each file's '/'-separated relative path, made once rather than per comparison (a province has 80,000
        // files), and sorted by it so the order does not depend on the platform.
        // (A stable sort of pairs, not a map: two files may share a key, "a\\b.json" beside "a/b.json".)
        record Named(String relative, Path file) {
        }
        List<Named> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> files.add(new Named(relative(root, p), p)));
        }
        files.sort(java.util.Comparator.comparing(Named::relative));
        for (Named f : files) {
            byte[] bytes = Files.readAllBytes(f.file());
            md.update((label + "/" + f.relative() + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
