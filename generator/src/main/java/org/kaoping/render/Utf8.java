package org.kaoping.render;

/**
 * UTF-8 for the writers that encode as they go ({@link PageBytes}, {@link TableCsv}): the bytes of one character or
 * code point put into a buffer with room for them, as {@code String.getBytes(UTF_8)} makes them. What a writer does
 * with ASCII (escaping, quoting) and with a lone surrogate ({@code ?}) stays its own.
 */
final class Utf8 {
    private Utf8() {
    }

    /** A character from U+0080 up, not a surrogate: two or three bytes at {@code p}; returns the position after them. */
    static int put(byte[] b, int p, char c) {
        if (c < 0x800) {
            b[p] = (byte) (0xC0 | c >> 6);
            b[p + 1] = (byte) (0x80 | c & 0x3F);
            return p + 2;
        }
        b[p] = (byte) (0xE0 | c >> 12);
        b[p + 1] = (byte) (0x80 | c >> 6 & 0x3F);
        b[p + 2] = (byte) (0x80 | c & 0x3F);
        return p + 3;
    }

    /** A code point beyond U+FFFF (a surrogate pair): four bytes at {@code p}; returns the position after them. */
    static int putCodePoint(byte[] b, int p, int cp) {
        b[p] = (byte) (0xF0 | cp >> 18);
        b[p + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[p + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[p + 3] = (byte) (0x80 | cp & 0x3F);
        return p + 4;
    }
}
