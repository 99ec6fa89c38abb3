package org.kaoping.render;

import java.io.Writer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A page as templates write it, encoded to UTF-8 as it is written: the bytes {@code String.getBytes(UTF_8)} gives
 * for the whole text (an unpaired surrogate becomes {@code ?}, a pair split between two writes is still one
 * character). Text and values are encoded once, straight into a reused buffer; a template's constant text arrives
 * already encoded ({@link #constant}) and values escaped in the same pass ({@link #escaped}), so a page is never
 * held as a String or copied from a StringBuilder. One thread's, like the page it holds.
 */
final class PageBytes extends Writer {
    /** Room for a station page (some 110,000 bytes) without growing: most pages of a province are station pages. */
    static final int PAGE = 128 * 1024;

    /** Buffers larger than this are let go after their page (a province's report page once took 17 MB). */
    static final int KEEP_AT_MOST = 2 << 20;

    /** Values are encoded this many characters at a time, so the room asked for stays small. */
    private static final int SLICE = 4096;

    /** At most the bytes one character takes: {@code &quot;}. */
    private static final int WIDEST = 6;

    /** Each thread's idle buffers (a page's text within another's, as in tests, takes a second). */
    private static final ThreadLocal<ArrayDeque<byte[]>> IDLE = ThreadLocal.withInitial(ArrayDeque::new);

    private static final byte[][] ENTITIES = new byte[97][];

    static {
        for (char c = 0; c < ENTITIES.length; c++) {
            String entity = StrictMustache.entity(c);
            ENTITIES[c] = entity == null ? null : entity.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private byte[] bytes;
    private int length;
    /** A slice of the value being encoded: an array is read faster than String.charAt. */
    private final char[] chars = new char[SLICE];
    /** A high surrogate that ended the last write: the next write's first character decides what it was. */
    private char pendingHigh;

    /** Values at least this long are kept as the bytes they escape to ({@link #ESCAPED}); shorter ones cost less. */
    static final int KEPT_FROM = 8;

    /**
     * Each thread's values already escaped and encoded, by the String's identity: a province's 10,000 station pages
     * show the rubric's criteria, sections and titles, the same instances on every page.
     */
    private static final ThreadLocal<ByIdentity<String, byte[]>> ESCAPED =
            ThreadLocal.withInitial(() -> new ByIdentity<>(1 << 12));

    private final ByIdentity<String, byte[]> escapedBefore;

    private PageBytes(byte[] buffer) {
        this.bytes = buffer;
        this.escapedBefore = ESCAPED.get();
    }

    /**
     * The bytes {@code writer} writes, made in one of this thread's idle buffers; the buffer is given back whether
     * the writer finishes or throws.
     */
    static byte[] collect(Consumer<PageBytes> writer) {
        byte[] idle = IDLE.get().pollFirst();
        PageBytes page = new PageBytes(idle == null ? new byte[PAGE] : idle);
        try {
            writer.accept(page);
            page.settle();
            return java.util.Arrays.copyOf(page.bytes, page.length);
        } finally {
            page.release();
        }
    }

    private void release() {
        ArrayDeque<byte[]> idle = IDLE.get();
        if (bytes.length <= KEEP_AT_MOST && idle.size() < 4) {
            idle.addFirst(bytes);
        }
        bytes = null; // the writer is not used again
    }

    /** Text already encoded (a template's constant text, which neither starts nor ends within a surrogate pair). */
    void constant(byte[] encoded) {
        settle();
        append(encoded);
    }

    /** {@code value} escaped as {@link StrictMustache#escape} does it, and encoded in the same pass. */
    void escaped(String value) {
        if (value.length() < KEPT_FROM || pendingHigh != 0) {
            encode(value, 0, value.length(), true);
            return;
        }
        byte[] known = escapedBefore.get(value);
        if (known != null) {
            append(known);
            return;
        }
        int start = length;
        encode(value, 0, value.length(), true);
        if (pendingHigh == 0) { // a value ending in half a pair is not whole bytes yet
            escapedBefore.put(value, java.util.Arrays.copyOfRange(bytes, start, length));
        }
    }

    @Override
    public void write(String s) {
        encode(s, 0, s.length(), false);
    }

    @Override
    public void write(String s, int offset, int count) {
        encode(s, offset, offset + count, false);
    }

    @Override
    public void write(char[] chars, int offset, int count) {
        encode(new String(chars, offset, count), 0, count, false); // not a path the templates take
    }

    @Override
    public void write(int c) {
        encode(String.valueOf((char) c), 0, 1, false);
    }

    private void encode(String s, int from, int to, boolean escape) {
        for (int start = from; start < to; start += SLICE) {
            encodeSlice(s, start, Math.min(to, start + SLICE), escape);
        }
    }

    private void encodeSlice(String s, int from, int to, boolean escape) {
        room((to - from) * WIDEST + 4);
        byte[] b = bytes;
        int p = length;
        char[] cs = chars;
        s.getChars(from, to, cs, 0);
        int n = to - from;
        int i = 0;
        if (pendingHigh != 0) {
            char low = cs[0];
            if (Character.isLowSurrogate(low)) {
                p = Utf8.putCodePoint(b, p, Character.toCodePoint(pendingHigh, low));
                i++;
            } else {
                b[p++] = '?';
            }
            pendingHigh = 0;
        }
        while (i < n) {
            char c = cs[i++];
            if (c < 0x80) {
                byte[] entity = escape && c < ENTITIES.length ? ENTITIES[c] : null;
                if (entity == null) {
                    b[p++] = (byte) c;
                } else {
                    System.arraycopy(entity, 0, b, p, entity.length);
                    p += entity.length;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i == n) {
                    pendingHigh = c; // its pair may be the next write's first character
                } else if (Character.isLowSurrogate(cs[i])) {
                    p = Utf8.putCodePoint(b, p, Character.toCodePoint(c, cs[i++]));
                } else {
                    b[p++] = '?';
                }
            } else if (Character.isLowSurrogate(c)) {
                b[p++] = '?';
            } else {
                p = Utf8.put(b, p, c);
            }
        }
        length = p;
    }

    /** A high surrogate left without its pair is what getBytes makes of it. */
    private void settle() {
        if (pendingHigh != 0) {
            room(1);
            bytes[length++] = '?';
            pendingHigh = 0;
        }
    }

    private void append(byte[] encoded) {
        room(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
