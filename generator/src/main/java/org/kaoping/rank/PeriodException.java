package org.kaoping.rank;

/** A period whose results cannot be tabulated; names the JSON path in the period file. */
public final class PeriodException extends RuntimeException {
    private final String path;

    public PeriodException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
