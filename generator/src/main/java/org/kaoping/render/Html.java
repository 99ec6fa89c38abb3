package org.kaoping.render;

/** Escaping for text the renderer writes itself (SVG charts); templates escape through Mustache. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return escape(s, new StringBuilder(s.length() + 16)).toString();
    }

    /** {@link #escape(String)}'s text appended to {@code b}; returns {@code b}. */
    public static StringBuilder escape(String s, StringBuilder b) {
        int i = 0;
        while (i < s.length() && "&<>\"'".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return b.append(s); // nothing to escape, as in most labels: the text at once
        }
        b.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b;
    }
}
