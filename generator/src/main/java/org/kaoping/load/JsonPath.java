package org.kaoping.load;

/** JSON paths as people read them: {@code $.sections[3].criteria[1]}, {@code $.criteria["1.1"]}. */
public final class JsonPath {
    private JsonPath() {
    }

    public static String fromPointer(String pointer) {
        if (pointer.isEmpty()) {
            return "$";
        }
        StringBuilder out = new StringBuilder("$");
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            out.append(segment(seg));
        }
        return out.toString();
    }

    /** Appends one member name or array index. Indices arrive as Integer. */
    public static String child(String parent, Object segment) {
        if (segment instanceof Integer i) {
            return parent + "[" + i + "]";
        }
        return parent + segment(segment.toString());
    }

    private static String segment(String seg) {
        // Character tests rather than String.matches: this runs for every value of every file loaded,
        // and matches() compiles its pattern on each call (a third of `check`'s time on 8,000 sheets).
        if (allDigits(seg)) {
            return "[" + seg + "]";
        }
        if (isIdentifier(seg)) {
            return "." + seg;
        }
        return "[\"" + seg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** Matches {@code \\d+}. */
    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Matches {@code [A-Za-z_][A-Za-z0-9_]*}. */
    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The parent path, or null for the root. */
    public static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        if (path.endsWith("]")) {
            int depth = 0;
            boolean inString = false;
            for (int i = path.length() - 1; i >= 0; i--) {
                char ch = path.charAt(i);
                if (ch == '"' && (i == 0 || path.charAt(i - 1) != '\\')) {
                    inString = !inString;
                } else if (!inString && ch == ']') {
                    depth++;
                } else if (!inString && ch == '[') {
                    depth--;
                    if (depth == 0) {
                        return path.substring(0, i);
                    }
                }
            }
            return "$";
        }
        int dot = path.lastIndexOf('.');
        return dot <= 0 ? "$" : path.substring(0, dot);
    }
}
