package org.kaoping.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A rubric's version: the first 16 hex digits of the SHA-256 of its file. The self-check form
 * stamps it on every export, so a sheet made against another version of a rubric is recognised.
 */
public final class RubricFingerprint {
    private RubricFingerprint() {
    }

    public static String of(Path rubricFile) {
        try {
            return of(Files.readAllBytes(rubricFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint of a loaded rubric: of its text as read (UTF-8, without a byte order mark). */
    public static String of(JsonSource source) {
        return of(source.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String of(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
