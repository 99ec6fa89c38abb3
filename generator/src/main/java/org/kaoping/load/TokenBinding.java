package org.kaoping.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.kaoping.load.Doubt.expect;

/**
 * A file's record bound straight from the parser's tokens, in one pass over its UTF-8 bytes, when it is certainly
 * fine ({@link SheetTokens}, {@link PeriodTokens}): well-formed UTF-8, every token within {@link TextRules}, the
 * shape the file's schema asks for, no text {@link PrivateNames} would mark or warn about. At the first doubt the
 * reader answers null and the file is read the long way ({@link FileLoader}), which words every finding: a reader
 * never says what is wrong, and whatever it binds is what the long way binds (their tests hold the two to that on
 * seeded mutants).
 */
abstract class TokenBinding {
    /** Reads the file's one value from the parser, throwing {@link Doubt#DOUBT} at the first doubt. */
    @FunctionalInterface
    interface Root<T> {
        T read(JsonParser p) throws IOException;
    }

    protected final JsonParser p;

    protected TokenBinding(JsonParser p) {
        this.p = p;
    }

    /**
     * The value {@code root} reads, or null when anything about the file is in doubt.
     *
     * @param utf8 the file's bytes without a byte order mark
     */
    static <T> T read(byte[] utf8, Root<T> root) {
        if (!plainUtf8(utf8)) {
            return null;
        }
        try (JsonParser parser = new JsonSource.CheckedTokens(StrictJson.mapper().getFactory().createParser(utf8))) {
            T value = root.read(parser);
            return parser.nextToken() == null ? value : null; // nothing after the value
        } catch (IOException | RuntimeException e) {
            return null; // a syntax error, a TextRules bound (CheckedTokens), or a doubt
        }
    }

    /** An array of texts, or of ids. */
    protected final List<String> texts(JsonToken t, boolean internal, boolean ids) throws IOException {
        expect(t == JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = text(item, internal);
            expect(!ids || SheetShape.isId(s));
            out.add(s);
        }
        return out;
    }

    protected final String id(JsonToken t, boolean internal) throws IOException {
        String s = text(t, internal);
        expect(SheetShape.isId(s));
        return s;
    }

    /** A text; {@code internal} where it never reaches a public page ({@link PrivateNames#isInternalField}). */
    protected final String text(JsonToken t, boolean internal) throws IOException {
        expect(t == JsonToken.VALUE_STRING);
        String s = p.getText();
        expect(PrivateNames.plain(s, internal));
        return s;
    }

    protected static String nonEmpty(String s) {
        expect(!s.isEmpty());
        return s;
    }

    /**
     * A number as the long way binds it: its tree holds an integer as such and a decimal with its trailing zeros
     * dropped (Jackson's default for decimal nodes), and the record takes the node's BigDecimal.
     */
    protected final BigDecimal number(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDecimalValue();
        }
        expect(t == JsonToken.VALUE_NUMBER_FLOAT);
        return p.getDecimalValue().stripTrailingZeros();
    }

    /**
     * A whole number from {@code min} to {@code max}, written as one (1.0 is doubted: the long way binds no decimal
     * to an integer) and within an int.
     */
    protected final int integer(JsonToken t, int min, int max) throws IOException {
        expect(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
        int v = p.getIntValue();
        expect(v >= min && v <= max);
        return v;
    }

    /**
     * Well-formed UTF-8 (as the strict decoder of {@link JsonSource#decode} accepts it: no overlong form, no
     * surrogate, nothing past U+10FFFF) with no NUL byte, starting with an ASCII character. The parser then reads
     * the bytes as UTF-8 with no guess at another encoding (it would take NULs for UTF-16), and any text it accepts
     * is one the long way decodes to the same characters.
     */
    static boolean plainUtf8(byte[] b) {
        if (b.length == 0 || b[0] <= 0) {
            return false;
        }
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return false;
                }
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + n >= b.length) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int x = b[i + k] & 0xFF;
                if (x < 0x80 || x > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
