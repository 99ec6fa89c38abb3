package org.kaoping.site;

/** A build error in the site model: the message says what and where, for people. */
public final class SiteException extends RuntimeException {
    public SiteException(String message) {
        super(message);
    }

    public SiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
