package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * XML being written, as bytes: markup and numbers go in as ASCII, text escaped ({@link #text}). For the province
 * workbook ({@link ProvinceWorkbook}), whose hundreds of megabytes of worksheet XML cost more in a general
 * writer's characters, strings and encoding than in what they say.
 */
final class XmlBytes {
    private byte[] bytes;
    private int length;

    XmlBytes(int capacity) {
        bytes = new byte[capacity];
    }

    static byte[] ascii(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes held, in the first {@link #length} places of the array (for a writer that takes them in pieces). */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    XmlBytes add(byte[] markup) {
        return add(markup, markup.length);
    }

    /** Markup or a number's digits: ASCII only, written as it is (never text from the data: see {@link #text}). */
    XmlBytes add(String ascii) {
        int n = ascii.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    XmlBytes add(char ascii) {
        room(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** A whole number in decimal digits, as {@code Integer.toString} writes it. */
    XmlBytes add(int v) {
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                return add(Integer.toString(v));
            }
            add('-');
            v = -v;
        }
        int digits = digits(v);
        room(digits);
        for (int at = length + digits - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += digits;
        return this;
    }

    /** Digits of a non-negative int (comparisons, not divisions: it runs for every cell of a province). */
    static int digits(int v) {
        if (v < 100_000) {
            return v < 10 ? 1 : v < 100 ? 2 : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
        }
        return v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
    }

    /** The first {@code n} of {@code ascii}. */
    XmlBytes add(byte[] ascii, int n) {
        room(n);
        System.arraycopy(ascii, 0, bytes, length, n);
        length += n;
        return this;
    }

    /** Writes a non-negative {@code v}'s digits into {@code into}; returns how many. */
    static int digits(int v, byte[] into) {
        int n = digits(v);
        for (int at = n - 1; at >= 0; at--) {
            into[at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return n;
    }

    /**
     * Text as XML character data or an attribute value, escaped as fastexcel escapes it (the workbooks it writes
     * and these are the same bytes): the five markup characters as entities, every character outside printable
     * ASCII as a numeric reference ({@code &#x4e00;}, a surrogate pair as one code point), and characters that XML
     * 1.0 cannot hold at all (control characters other than tab, line feed and carriage return, unpaired
     * surrogates, U+FFFE, U+FFFF) left out.
     */
    XmlBytes text(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c <= 0x7e) {
                switch (c) {
                    case '<' -> add("&lt;");
                    case '>' -> add("&gt;");
                    case '&' -> add("&amp;");
                    case '\'' -> add("&apos;");
                    case '"' -> add("&quot;");
                    default -> {
                        room(1);
                        bytes[length++] = (byte) c;
                    }
                }
            } else if (c == 0x9 || c == 0xa || c == 0xd || c >= 0x7f && c <= 0xd7ff
                    || c >= 0xe000 && c <= 0xfffd || c >= 0x10000 && c <= 0x10ffff) {
                add("&#x").add(Integer.toHexString(c)).add(';');
            }
        }
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    void clear() {
        length = 0;
    }

    /** Writes what is held to {@code out} and clears it. */
    void moveTo(OutputStream out) throws IOException {
        writeTo(out);
        clear();
    }
}
