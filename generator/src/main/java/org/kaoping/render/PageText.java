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

    /**
     * Buffers kept for reuse beyond this many characters are let go (a province's report page once took 17 MB):
     * a thread of `serve` keeps at most a few buffers of a page's size.
     */
    static final int KEEP_AT_MOST = 1 << 20;

    /**
     * Each thread's idle buffers. A page is rendered into a buffer that already grew to a page's size and holds
     * Chinese text (a new one started as Latin-1 and was copied to UTF-16 at the first Chinese character):
     * two per page, a fifth of a province build's allocation. A body rendered inside its layout takes a second.
     */
    private static final ThreadLocal<java.util.ArrayDeque<StringBuilder>> IDLE =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private final StringBuilder text;

    PageText(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    private PageText(StringBuilder reused) {
        this.text = reused;
    }

    /**
     * The text {@code writer} writes into one of this thread's idle buffers; the buffer is given back whether the
     * writer finishes or throws.
     */
    static String collect(java.util.function.Consumer<PageText> writer) {
        PageText w = open();
        try {
            writer.accept(w);
        } catch (RuntimeException | Error e) {
            w.release();
            throw e;
        }
        return w.finish();
    }

    /** A page text in one of this thread's idle buffers (or a new one); {@link #finish} gives the buffer back. */
    private static PageText open() {
        StringBuilder idle = IDLE.get().pollFirst();
        if (idle == null) {
            return new PageText(PAGE);
        }
        idle.setLength(0);
        return new PageText(idle);
    }

    /** The text, the buffer given back to this thread for its next page; the writer is not used again. */
    private String finish() {
        String s = text.toString();
        release();
        return s;
    }

    /** The buffer itself, for a writer of this package that appends to it directly (TableCsv). */
    StringBuilder builder() {
        return text;
    }

    /** Gives the buffer back without its text (a failed render). */
    private void release() {
        if (text.capacity() <= KEEP_AT_MOST) {
            java.util.ArrayDeque<StringBuilder> idle = IDLE.get();
            if (idle.size() < 4) {
                idle.addFirst(text);
            }
        }
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
