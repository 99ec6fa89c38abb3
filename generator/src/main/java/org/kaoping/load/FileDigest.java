package org.kaoping.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The length and SHA-256 of the bytes read from one input file: its line of the data version
 * ({@code site/Fingerprint}), worked out where the loader holds the bytes, so the version names exactly what was built.
 */
public record FileDigest(long length, byte[] sha256) {

    public static FileDigest of(byte[] bytes) {
        try {
            return new FileDigest(bytes.length, MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
