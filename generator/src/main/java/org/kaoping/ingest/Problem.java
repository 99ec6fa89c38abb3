package org.kaoping.ingest;

/** Something wrong with an imported file, with its place: `2023-q3.xlsx:观音寺!E7: error: 得分 2.5 超过分值 2`. */
public record Problem(Where where, String message, boolean isError) {
    public static Problem error(Where where, String message) {
        return new Problem(where, message, true);
    }

    public static Problem warning(Where where, String message) {
        return new Problem(where, message, false);
    }

    @Override
    public String toString() {
        return where + (isError ? ": error: " : ": warning: ") + message;
    }
}
