package org.kaoping.load;

/**
 * A value quoted in a message: shown in double quotes, cut to a readable length, with control and
 * bidi characters made visible, so that no input (a 1 MB name, an RTL override) can flood or
 * disguise a message.
 */
public final class Quote {
    static final int MAX = 80;

    private Quote() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < MAX; shown++) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || TextRules.isBidiControl(cp) || Character.isSurrogate((char) cp)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        b.append('"');
        int rest = value.codePointCount(0, value.length()) - shown;
        if (rest > 0) {
            b.append(" (and ").append(rest).append(" more characters)");
        }
        return b.toString();
    }
}
