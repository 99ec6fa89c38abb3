package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Deflate's blocks (RFC 1951, 3.2.5–3.2.7) from symbols already chosen ({@link RowDeflater}): each block with
 * Huffman tables of its own ({@link HuffmanCode}), the tables' code lengths run-length coded, the bits packed
 * least significant first as deflate packs them.
 */
final class DeflateBlocks {
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
            59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
            513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
            10, 10, 11, 11, 12, 12, 13, 13};
    /** The order code-length codes are sent in. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** Per length 3…258: its length code's index (0…28). */
    private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];
    /** Per distance 1…256, then per 128 beyond: its distance code, as zlib's _dist_code. */
    private static final byte[] DISTANCE_CODE = new byte[512];

    static {
        for (int c = 0; c < LENGTH_BASE.length; c++) {
            for (int l = LENGTH_BASE[c]; l < LENGTH_BASE[c] + (1 << LENGTH_EXTRA[c]) && l <= MAX_MATCH; l++) {
                LENGTH_CODE[l] = (byte) c;
            }
        }
        LENGTH_CODE[MAX_MATCH] = 28; // 258 has a code of its own, though 284's extra bits reach it
        for (int c = 0; c < DISTANCE_BASE.length; c++) {
            int last = DISTANCE_BASE[c] + (1 << DISTANCE_EXTRA[c]) - 1;
            for (int d = DISTANCE_BASE[c]; d <= last; d++) {
                int at = d <= 256 ? d - 1 : 256 + ((d - 1) >> 7);
                DISTANCE_CODE[at] = (byte) c;
            }
        }
    }

    /** The literal/length symbol (257…285) of a copy's length. */
    static int lengthSymbol(int length) {
        return 257 + LENGTH_CODE[length];
    }

    static int distanceCode(int d) {
        return DISTANCE_CODE[d <= 256 ? d - 1 : 256 + ((d - 1) >> 7)];
    }

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private long written;
    private final byte[] buf = new byte[1 << 16];
    private int n;        // bytes in buf
    private long acc;     // bits not yet in buf, the first in the lowest place
    private int count;    // how many

    private final int[] litBits = new int[286];
    private final int[] distBits = new int[30];
    private final int[] litCode = new int[286];
    private final int[] distCode = new int[30];
    private final int[] lengthValue = new int[MAX_MATCH + 1];
    private final int[] lengthBits = new int[MAX_MATCH + 1];
    /** The code lengths' run-length coding: symbols 0…18, each with its extra bits' value. */
    private final int[] runSymbols = new int[286 + 30];
    private final int[] runExtra = new int[286 + 30];
    private int runs;
    private final int[] clFreq = new int[19];

    DeflateBlocks(OutputStream out) {
        this.out = out;
    }

    /** Bytes of deflate stream written. */
    long written() {
        return written;
    }

    /**
     * One block of {@code tokens} symbols, each a literal byte (below 256) or a copy (its length above its
     * distance's 16 bits), with the counts of their literal/length symbols and distance codes. The end-of-block
     * symbol is counted here.
     */
    void write(int[] symbols, int tokens, int[] litFreq, int[] distFreq, boolean last) throws IOException {
        litFreq[256] = 1;
        HuffmanCode.lengths(litFreq, 15, litBits);
        HuffmanCode.lengths(distFreq, 15, distBits);
        HuffmanCode.codes(litBits, litCode);
        HuffmanCode.codes(distBits, distCode);
        header(last);
        // Each length's code and extra bits as one value.
        for (int length = MIN_MATCH; length <= MAX_MATCH; length++) {
            int lc = LENGTH_CODE[length];
            int bits = litBits[257 + lc];
            lengthValue[length] = litCode[257 + lc] | (length - LENGTH_BASE[lc]) << bits;
            lengthBits[length] = bits + LENGTH_EXTRA[lc];
        }
        // The symbols, the bits gathered in locals: this loop runs for every symbol of 150 MB a period. Before each
        // code at most 31 bits wait, so a literal's 15, a length's 20 or a distance's 28 bits fit in the long.
        long acc = this.acc;
        int count = this.count;
        int n = this.n;
        for (int t = 0; t < tokens; t++) {
            int sym = symbols[t];
            if (sym < 256) {
                acc |= (long) litCode[sym] << count;
                count += litBits[sym];
            } else {
                int length = sym >>> 16;
                int d = sym & 0xffff;
                int dc = distanceCode(d);
                int nb = distBits[dc];
                acc |= (long) lengthValue[length] << count;
                count += lengthBits[length];
                if (count >= 32) {
                    INTS.set(buf, n, (int) acc);
                    n += 4;
                    acc >>>= 32;
                    count -= 32;
                }
                acc |= (long) (distCode[dc] | (d - DISTANCE_BASE[dc]) << nb) << count;
                count += nb + DISTANCE_EXTRA[dc];
            }
            if (count >= 32) {
                INTS.set(buf, n, (int) acc);
                n += 4;
                acc >>>= 32;
                count -= 32;
            }
            if (n > buf.length - 8) {
                drain(n);
                n = 0;
            }
        }
        this.acc = acc;
        this.count = count;
        this.n = n;
        put(litCode[256], litBits[256]);
        drain(this.n);
        this.n = 0;
    }

    /** The bits left, padded to a byte, after the last block. */
    void finish() throws IOException {
        while (count > 0) {
            buf[n++] = (byte) acc;
            acc >>>= 8;
            count = Math.max(0, count - 8);
        }
        drain(n);
        n = 0;
    }

    /** The block's head: its kind and the two tables' code lengths, themselves Huffman-coded. */
    private void header(boolean last) {
        int hlit = 286;
        while (hlit > 257 && litBits[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distBits[hdist - 1] == 0) {
            hdist--;
        }
        runLengths(hlit, hdist);
        int[] clBits = new int[19];
        int[] clCode = new int[19];
        HuffmanCode.lengths(clFreq, 7, clBits);
        HuffmanCode.codes(clBits, clCode);
        int hclen = 19;
        while (hclen > 4 && clBits[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        put(last ? 1 : 0, 1);
        put(2, 2); // dynamic Huffman codes
        put(hlit - 257, 5);
        put(hdist - 1, 5);
        put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            put(clBits[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int r = 0; r < runs; r++) {
            int s = runSymbols[r];
            put(clCode[s], clBits[s]);
            if (s >= 16) {
                put(runExtra[r], s == 16 ? 2 : s == 17 ? 3 : 7);
            }
        }
    }

    /** The first {@code hlit} literal/length and {@code hdist} distance code lengths, as one run-length coded sequence. */
    private void runLengths(int hlit, int hdist) {
        runs = 0;
        java.util.Arrays.fill(clFreq, 0);
        int total = hlit + hdist;
        for (int i = 0; i < total; ) {
            int v = codeLength(i, hlit);
            int n = 1;
            while (i + n < total && codeLength(i + n, hlit) == v) {
                n++;
            }
            i += n;
            if (v != 0) {
                run(v, 0);
                n--;
                for (; n >= 3; n -= Math.min(6, n)) {
                    run(16, Math.min(6, n) - 3); // the length before, 3–6 times
                }
            } else {
                for (; n >= 11; n -= Math.min(138, n)) {
                    run(18, Math.min(138, n) - 11); // zeros, 11–138
                }
                if (n >= 3) {
                    run(17, n - 3); // zeros, 3–10
                    n = 0;
                }
            }
            for (; n > 0; n--) {
                run(v, 0);
            }
        }
    }

    private int codeLength(int i, int hlit) {
        return i < hlit ? litBits[i] : distBits[i - hlit];
    }

    private void run(int symbol, int extra) {
        runSymbols[runs] = symbol;
        runExtra[runs++] = extra;
        clFreq[symbol]++;
    }

    private void put(int value, int bitCount) {
        acc |= (long) value << count;
        count += bitCount;
        if (count >= 32) {
            INTS.set(buf, n, (int) acc);
            n += 4;
            acc >>>= 32;
            count -= 32;
        }
    }

    private void drain(int bytes) throws IOException {
        out.write(buf, 0, bytes);
        written += bytes;
    }
}
