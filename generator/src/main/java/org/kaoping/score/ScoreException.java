package org.kaoping.score;

/**
 * A sheet that cannot be scored against its rubric: names the JSON path of the offending value and
 * a stable code for what is wrong (e.g. {@code notWholeNumber}), the same code the browser engine
 * gives (site-theme/js/kaoping-messages.js turns codes into the Chinese words the form shows).
 */
public final class ScoreException extends RuntimeException {
    private final String path;
    private final String code;

    public ScoreException(String path, String code, String message) {
        super(path + ": " + message);
        this.path = path;
        this.code = code;
    }

    /** JSON path within the sheet, e.g. {@code $.criteria["1.1"].inputs.ledgers}. */
    public String path() {
        return path;
    }

    /** What is wrong, as a code that does not change with the wording: {@code scoreOutOfRange}, … */
    public String code() {
        return code;
    }

    public String detail() {
        String m = getMessage();
        return m.substring(path.length() + 2);
    }
}
