package org.kaoping.render;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PageBytes makes the bytes the old way made: the text (values escaped by StrictMustache.escape) gathered whole,
 * then {@code String.getBytes(UTF_8)}, whatever the pieces and wherever they split.
 */
class PageBytesTest {
    /** Each kind of character: the escaped ones, controls, one, two, three and four UTF-8 bytes, lone surrogates. */
    private static final String ALPHABET;

    static {
        StringBuilder b = new StringBuilder("&<>\"'=`aZ9 é©司法所考评\u2028\uFFFF\uD83D\uDE00\uD83D\uDE00\uDBFF\uDFFF");
        for (char c = 0; c < 128; c++) {
            b.append(c);
        }
        b.append('\uD800').append('\uDC00').append('\uDBFF').append('\uDFFF'); // halves, to be paired by chance
        ALPHABET = b.toString();
    }

    @Test
    void everyCharacterIsEscapedAndEncodedAsTheOldWayDid() {
        StringBuilder each = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            each.append('a').append((char) c).append('b'); // every character alone: a surrogate half is never paired
        }
        String all = each.toString();
        assertArrayEquals(oldWay(all, true), PageBytes.collect(w -> w.escaped(all)));
        assertArrayEquals(oldWay(all, false), PageBytes.collect(w -> w.write(all)));
        assertEquals("&amp;&lt;&gt;&quot;&#39;&#61;&#96;&#0;&#9;&#10;&#13;\u000E司",
                new String(PageBytes.collect(w -> w.escaped("&<>\"'=`\u0000\t\n\r\u000E司")), StandardCharsets.UTF_8));
        assertEquals("?", new String(PageBytes.collect(w -> w.write("\uD83D")), StandardCharsets.UTF_8),
                "a high surrogate left at the end is what getBytes makes of it");
    }

    @Test
    void randomPiecesMakeTheBytesOfTheWholeText() {
        SplittableRandom random = new SplittableRandom(Long.getLong("kaoping.seed", 20261201L));
        // Half the pieces are the same instances again and again, more of them than a thread's memo of escaped
        // values holds: escaped from the memo, replaced in it, and beside halves of pairs that end or start them.
        java.util.List<String> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            pool.add(text(random, random.nextInt(40)));
        }
        for (int page = 0; page < 2_000; page++) {
            StringBuilder whole = new StringBuilder();
            String[][] pieces = new String[random.nextInt(30)][];
            for (int i = 0; i < pieces.length; i++) {
                String kind = switch (random.nextInt(4)) {
                    case 0 -> "escaped";
                    case 1 -> "text";
                    case 2 -> "slice";
                    default -> "constant";
                };
                String s = random.nextBoolean() ? pool.get(random.nextInt(random.nextBoolean() ? 40 : pool.size()))
                        : text(random, random.nextInt(200) == 0 ? 4_000 + random.nextInt(9_000) : random.nextInt(40));
                if (kind.equals("constant") && !s.isEmpty() && (Character.isLowSurrogate(s.charAt(0))
                        || Character.isHighSurrogate(s.charAt(s.length() - 1)))) {
                    kind = "text"; // constant text is never cut within a pair (PageCodeVisitor.ConstantText)
                }
                pieces[i] = new String[]{kind, s};
                whole.append(kind.equals("escaped") ? escapedText(s) : s);
            }
            byte[] ours = PageBytes.collect(w -> {
                for (String[] p : pieces) {
                    switch (p[0]) {
                        case "escaped" -> w.escaped(p[1]);
                        case "text" -> w.write(p[1]);
                        case "slice" -> w.write("<" + p[1] + ">", 1, p[1].length());
                        default -> {
                            if (!p[1].isEmpty()) {
                                w.constant(p[1].getBytes(StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            });
            assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), ours, "page " + page);
        }
    }

    @Test
    void aPairSplitAcrossSlicesOfALongValueStaysOneCharacter() {
        for (int at = 4_090; at < 4_100; at++) {
            String value = "司".repeat(at) + "\uD83D\uDE00" + "&".repeat(5_000) + "\uD83D";
            assertArrayEquals(oldWay(value, true), PageBytes.collect(w -> w.escaped(value)));
            assertArrayEquals(oldWay(value, false), PageBytes.collect(w -> w.write(value)));
        }
    }

    @Test
    void reusedBuffersHoldOnlyTheirOwnPage() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int page = 0; page < 1_000; page++) {
            String head = text(random, random.nextInt(3_000));
            // now and then a page larger than a buffer kept for reuse (PageBytes.KEEP_AT_MOST)
            String inner = page % 300 == 7 ? "司".repeat(800_000) : text(random, random.nextInt(5_000));
            boolean fails = random.nextInt(10) == 0;
            byte[][] body = new byte[1][];
            byte[] outer = PageBytes.collect(w -> {
                w.write(head);
                if (fails) {
                    assertThrows(IllegalStateException.class, () -> PageBytes.collect(i -> {
                        i.write(inner);
                        throw new IllegalStateException("template failed");
                    }));
                } else {
                    body[0] = PageBytes.collect(i -> i.write(inner)); // a page rendered while another is open
                }
            });
            assertArrayEquals(head.getBytes(StandardCharsets.UTF_8), outer);
            if (!fails) {
                assertArrayEquals(inner.getBytes(StandardCharsets.UTF_8), body[0]);
            }
        }
    }

    private static byte[] oldWay(String value, boolean escape) {
        return (escape ? escapedText(value) : value).getBytes(StandardCharsets.UTF_8);
    }

    private static String escapedText(String value) {
        StringWriter w = new StringWriter();
        StrictMustache.escape(value, w);
        return w.toString();
    }

    private static String text(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
