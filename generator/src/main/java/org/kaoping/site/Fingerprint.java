package org.kaoping.site;

import org.kaoping.load.FileDigest;

import java.nio.file.Path;
import java.util.Map;

/**
 * The version of the data a site was built from (数据版本): SHA-256 over one line per JSON file of content/ and
 * rubrics/, in path order, each naming the file, its length and its own SHA-256 ({@link FingerprintFiles};
 * ARCHITECTURE.md, "The data version"). A build's files are digested where the loader read them, so the version names
 * exactly the bytes built. Theme changes do not change it: it names the data, so a printed page can be matched to the
 * rubric and results it shows.
 */
public record Fingerprint(String sha256) {

    public String shortForm() {
        return sha256.substring(0, 12);
    }

    /** The version of the files as they are now, every one read here. */
    public static Fingerprint of(Path content, Path rubrics) {
        return of(content, rubrics, Map.of());
    }

    /**
     * The version of a build: each file {@code read} names (by its path as the loader named it) with that digest, as
     * the loader read it, every other file read here.
     */
    public static Fingerprint of(Path content, Path rubrics, Map<Path, FileDigest> read) {
        return FingerprintFiles.of(content, rubrics, read).fingerprint();
    }
}
