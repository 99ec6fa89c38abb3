package org.kaoping.render;

import java.io.Writer;

/**
 * The text of a page as templates write it: a {@link Writer} over a {@link StringBuilder}. A StringWriter takes a
 * lock on every write, and Mustache writes a page in thousands of small pieces; the finished text is encoded once
 * ({@code String.getBytes(UTF_8)}, the JDK's fast path) rather than through an OutputStreamWriter's encoder.
 * One thread's, like the page it holds.
 */
final class PageText extends Writer {
    /** Room for a station page (some 70,000 characters) without growing: most pages of a province are station pages. */
    static final int PAGE = 96 * 1024;

    private final StringBuilder text;

    PageText(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
        // StringBuilder.append(CharSequence, start, end) copies char by char; a String is copied whole.
        text.append(offset == 0 && length == s.length() ? s : s.substring(offset, offset + length));
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
