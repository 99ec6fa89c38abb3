package org.kaoping.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The length and SHA-256 of the bytes read from one input file: its line of the data version
 * ({@code site/Fingerprint}), worked out where the loader holds the bytes, so the version names exactly what was built.
 */
public record FileDigest(long length, byte[] sha256) {

    public static FileDigest of(byte[] bytes) {
        return new FileDigest(bytes.length, newSha256().digest(bytes));
    }

    /** A file read here, in pieces (not limited in size as the loader's input is). */
    public static FileDigest read(Path file) throws IOException {
        MessageDigest md = newSha256();
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; length += n) {
                md.update(buffer, 0, n);
            }
        }
        return new FileDigest(length, md.digest());
    }

    /** A new SHA-256 digest: the one algorithm input files and the data version are digested with. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
