package org.kaoping.render;

import java.nio.charset.StandardCharsets;

/**
 * Drops whole-line comments, blank lines and indentation from the site's own scripts and
 * stylesheets: the self-check form must stay light on an intranet. Deliberately simple — it never
 * touches a line that holds code — and it refuses input where a line break could be inside a
 * string (template literals, line continuations), rather than risk changing what runs.
 */
public final class Compactor {
    private Compactor() {
    }

    /** Compacts .js and .css files; other files pass through unchanged. */
    public static byte[] compact(String fileName, byte[] content) {
        boolean js = fileName.endsWith(".js");
        if (!js && !fileName.endsWith(".css")) {
            return content;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        boolean inBlock = false;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String t = line.strip();
            if (inBlock) {
                if (t.contains("*/")) {
                    requireEnd(t, fileName, lineNo);
                    inBlock = false;
                }
                continue;
            }
            if (t.startsWith("/*")) {
                if (t.contains("*/")) {
                    requireEnd(t, fileName, lineNo);
                } else {
                    inBlock = true;
                }
                continue;
            }
            if (t.isEmpty() || (js && t.startsWith("//"))) {
                continue;
            }
            if (js && (t.indexOf('`') >= 0 || t.endsWith("\\"))) {
                throw new IllegalStateException(fileName + ":" + lineNo
                        + ": a template literal or line continuation; the compactor keeps line structure only");
            }
            out.append(t).append('\n');
        }
        if (inBlock) {
            throw new IllegalStateException(fileName + ": unterminated block comment");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireEnd(String line, String fileName, int lineNo) {
        if (!line.endsWith("*/")) {
            throw new IllegalStateException(fileName + ":" + lineNo + ": code after a block comment on the same line");
        }
    }
}
