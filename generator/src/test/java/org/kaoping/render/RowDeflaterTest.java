package org.kaoping.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowDeflater} and {@link HuffmanCode}: whatever pieces and slots it is given, zlib's inflater gives back
 * exactly those bytes, and the CRC and sizes it reports are the stream's.
 */
class RowDeflaterTest {
    private record Made(byte[] given, byte[] deflated, RowDeflater deflater) {
    }

    /** Seeded random rows: like a worksheet's (a slot per cell, small differences), and not at all like one. */
    private static Made rows(long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream given = new ByteArrayOutputStream();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        RowDeflater d = new RowDeflater(deflated);
        int rows = random.nextInt(seed % 10 == 0 ? 4_000 : 300);
        int slots = 1 + random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(50) == 0) {
                byte[] b = bytes(random, random.nextInt(600));
                d.literal(b, 0, b.length);
                given.write(b);
            }
            int cells = random.nextInt(slots + 1);
            for (int c = 0; c < cells; c++) {
                int slot = random.nextInt(20) == 0 ? random.nextInt(200) : c;
                byte[] b = cell(random, r, slot);
                // Sometimes a piece given from the middle of a larger array.
                byte[] in = new byte[b.length + 7];
                System.arraycopy(b, 0, in, 3, b.length);
                d.piece(slot, in, 3, b.length);
                given.write(b);
            }
        }
        d.finish();
        return new Made(given.toByteArray(), deflated.toByteArray(), d);
    }

    private static byte[] cell(Random random, int row, int slot) {
        return switch (random.nextInt(12)) {
            case 0 -> bytes(random, random.nextInt(4));                          // tiny, or empty
            case 1 -> bytes(random, 200 + random.nextInt(900));                  // past a copy's 258 bytes
            case 2 -> ("<c r=\"A" + row + "\">" + "x".repeat(random.nextInt(700)) + "</c>").getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[random.nextInt(2_000)];                            // long runs of one byte
            default -> ("<c r=\"" + (char) ('A' + slot % 26) + row + "\" t=\"n\"><v>" + random.nextInt(random.nextBoolean() ? 3 : 100_000)
                    + "</v></c>").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static int[] ones(int n) {
        int[] f = new int[n];
        Arrays.fill(f, 1);
        return f;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] inflate(byte[] deflated, int expected) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] out = new byte[expected + 1];
        int n = 0;
        while (!inflater.finished() && n < out.length) {
            int got = inflater.inflate(out, n, out.length - n);
            n += got;
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
        }
        assertTrue(inflater.finished(), "the stream ends with a final block");
        assertEquals(0, inflater.getRemaining(), "nothing after the final block");
        inflater.end();
        return Arrays.copyOf(out, n);
    }

    @Test
    void seededRandomRowsInflateToTheBytesGiven() throws Exception {
        for (long seed = 0; seed < 40; seed++) {
            Made m = rows(seed);
            assertArrayEquals(m.given(), inflate(m.deflated(), m.given().length), "seed " + seed);
            CRC32 crc = new CRC32();
            crc.update(m.given());
            assertEquals(crc.getValue(), m.deflater().crc(), "seed " + seed);
            assertEquals(m.given().length, m.deflater().size(), "seed " + seed);
            assertEquals(m.deflated().length, m.deflater().compressedSize(), "seed " + seed);
        }
    }

    /** Rows that repeat the row above but for their numbers: what it is for, at least as small as zlib's fastest. */
    @Test
    void worksheetRowsDeflateAtLeastAsSmallAsZlibsFastestLevel() throws Exception {
        ByteArrayOutputStream given = new ByteArrayOutputStream();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        RowDeflater d = new RowDeflater(deflated);
        Random random = new Random(3);
        for (int r = 2; r < 30_000; r++) {
            byte[] start = ("<row r=\"" + r + "\">").getBytes(StandardCharsets.US_ASCII);
            d.piece(0, start, 0, start.length);
            given.write(start);
            for (int c = 0; c < 8; c++) {
                byte[] markup = ("<c r=\"" + (char) ('A' + c) + r + "\" t=\"" + (c < 4 ? 's' : 'n') + "\"><v>").getBytes(StandardCharsets.US_ASCII);
                byte[] value = ((c < 2 ? r / 47 : c < 5 ? 100 + r % 47 : random.nextInt(11)) + "</v></c>" + (c == 7 ? "</row>" : ""))
                        .getBytes(StandardCharsets.US_ASCII);
                d.piece(1 + 2 * c, markup, 0, markup.length);
                d.piece(2 + 2 * c, value, 0, value.length);
                given.write(markup);
                given.write(value);
            }
        }
        d.finish();
        byte[] xml = given.toByteArray();
        assertArrayEquals(xml, inflate(deflated.toByteArray(), xml.length));
        Deflater zlib = new Deflater(Deflater.BEST_SPEED, true);
        zlib.setInput(xml);
        zlib.finish();
        byte[] buf = new byte[1 << 16];
        long zlibSize = 0;
        while (!zlib.finished()) {
            zlibSize += zlib.deflate(buf);
        }
        zlib.end();
        assertTrue(deflated.size() <= zlibSize, deflated.size() + " bytes against zlib's " + zlibSize);
        assertTrue(deflated.size() < xml.length / 5, deflated.size() + " bytes of " + xml.length);
    }

    /** A piece longer than the bytes held before the window slides, between ordinary ones, given twice. */
    @Test
    void aPieceLongerThanTheBytesHeldIsTakenWhole() throws Exception {
        Random random = new Random(11);
        byte[] huge = bytes(random, (1 << 20) + 12_345);
        ByteArrayOutputStream given = new ByteArrayOutputStream();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        RowDeflater d = new RowDeflater(deflated);
        for (int r = 0; r < 3; r++) {
            byte[] small = ("<row r=\"" + r + "\">").getBytes(StandardCharsets.US_ASCII);
            d.piece(0, small, 0, small.length);
            d.piece(1, huge, 0, huge.length);
            given.write(small);
            given.write(huge);
        }
        d.literal(huge, 5, 70_000);
        given.write(huge, 5, 70_000);
        d.finish();
        byte[] all = given.toByteArray();
        assertArrayEquals(all, inflate(deflated.toByteArray(), all.length));
        CRC32 crc = new CRC32();
        crc.update(all);
        assertEquals(crc.getValue(), d.crc());
    }

    @Test
    void nothingGivenIsAnEmptyStream() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        RowDeflater d = new RowDeflater(deflated);
        d.finish();
        assertArrayEquals(new byte[0], inflate(deflated.toByteArray(), 0));
        assertEquals(0, d.crc());
    }

    /** Skewed frequencies (Fibonacci's, whose Huffman tree is as deep as it gets) stay within the limit, complete. */
    @Test
    void codeLengthsStayWithinTheirLimitAndMakeACompleteCode() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            int max = seed % 3 == 0 ? 7 : 15;
            int n = 2 + random.nextInt(max == 7 ? 127 : 290);
            int[] f = new int[n];
            long a = 1;
            long b = 1;
            for (int i = 0; i < n; i++) {
                if (seed % 2 == 0) {
                    f[i] = (int) Math.min(a, Integer.MAX_VALUE / 4);
                    if (a < Integer.MAX_VALUE) {
                        long t = a + b;
                        a = b;
                        b = t;
                    }
                } else {
                    f[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1 << random.nextInt(20));
                }
            }
            int[] bits = new int[n];
            HuffmanCode.lengths(f, max, bits);
            double kraft = 0;
            int coded = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(bits[i] <= max, "seed " + seed + ": " + bits[i] + " bits");
                assertTrue(f[i] == 0 || bits[i] > 0, "seed " + seed + ": a used symbol has a code");
                if (bits[i] > 0) {
                    kraft += Math.pow(2, -bits[i]);
                    coded++;
                }
            }
            assertTrue(coded >= 2, "seed " + seed);
            assertEquals(1.0, kraft, 1e-12, "seed " + seed + ": a complete prefix code");
        }
        assertThrows(IllegalArgumentException.class, () -> HuffmanCode.lengths(ones(129), 7, new int[129]),
                "more symbols than codes of seven bits");
    }
}
