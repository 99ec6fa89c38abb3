package org.kaoping.write;

/** The output folder cannot be used or written; the message says why and what to do. */
public final class OutputException extends RuntimeException {
    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
