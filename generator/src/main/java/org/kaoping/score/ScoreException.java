package org.kaoping.score;

/** A sheet that cannot be scored against its rubric: names the JSON path of the offending value. */
public final class ScoreException extends RuntimeException {
    private final String path;

    public ScoreException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** JSON path within the sheet, e.g. {@code $.criteria["1.1"].inputs.ledgers}. */
    public String path() {
        return path;
    }

    public String detail() {
        String m = getMessage();
        return m.substring(path.length() + 2);
    }
}
