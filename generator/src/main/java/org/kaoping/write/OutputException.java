package org.kaoping.write;

/**
 * The output folder cannot be used or written; the message says why and what to do.
 * {@link #refused()} tells a refusal to touch the folder (someone else's files, a build already
 * running, a marker Kaoping cannot trust) from a failure while writing.
 */
public final class OutputException extends RuntimeException {
    private final boolean refused;

    public OutputException(String message) {
        this(message, false, null);
    }

    public OutputException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private OutputException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    static OutputException refused(String message) {
        return new OutputException(message, true, null);
    }

    public boolean refused() {
        return refused;
    }
}
