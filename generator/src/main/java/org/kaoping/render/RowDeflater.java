package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A raw deflate stream (RFC 1951) of rows that repeat their neighbours, for the province workbook's worksheet:
 * 480,000 rows a period whose markup differs from the row above in a few digits. zlib, even at its fastest
 * level, searches for every repeat; here the writer says where a repeat is likely — each piece of a row
 * ({@link #piece}) is compared with the last piece of the same slot, its common start and end sent as copies,
 * the middle as literals — and nothing is searched. Blocks are Huffman-coded with tables of their own, as zlib's.
 * <p>
 * Any inflater reads the stream; what it inflates to is exactly the bytes given, in order ({@code RowDeflaterTest}
 * holds that, and the workbook's worksheet to the XML zlib was given before).
 */
final class RowDeflater {
    private static final int WINDOW = 32 * 1024;      // deflate's distance limit
    private static final int HELD = 1 << 20;           // bytes kept before the window slides
    private static final int BLOCK_TOKENS = 1 << 15;   // symbols per Huffman block
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private long size;                 // bytes given
    private long written;              // bytes of deflate stream written

    /** The bytes given lately: a copy's source must be among the last {@value #WINDOW}. */
    private byte[] window = new byte[HELD];
    private int pos;                   // bytes held in window
    private int crcFrom;               // window bytes not yet in the CRC

    /** Per slot: where its last piece starts in window, and its length; -1 when there is none in reach. */
    private int[] slotStart = new int[64];
    private int[] slotLength = new int[64];

    /** Symbols of the current block: a literal byte (below 256) or a copy, its length above its distance's 16 bits. */
    private final int[] symbols = new int[BLOCK_TOKENS];
    private int tokens;
    private final int[] litFreq = new int[286];
    private final int[] distFreq = new int[30];

    private final BitSink bits = new BitSink();

    RowDeflater(OutputStream out) {
        this.out = out;
        Arrays.fill(slotStart, -1);
    }

    /** Bytes with no likely repeat among the slots (a worksheet's head and tail). */
    void literal(byte[] b, int off, int len) throws IOException {
        room(len);
        literals(b, off, off + len);
        System.arraycopy(b, off, window, pos, len);
        pos += len;
        size += len;
    }

    /**
     * Bytes likely to resemble the last piece given for {@code slot} (the same column's cell in the row above):
     * their common start and common end become copies of it, the rest literals.
     */
    void piece(int slot, byte[] b, int off, int len) throws IOException {
        room(len);
        if (slot >= slotStart.length) {
            int n = Math.max(slot + 1, slotStart.length * 2);
            int old = slotStart.length;
            slotStart = Arrays.copyOf(slotStart, n);
            slotLength = Arrays.copyOf(slotLength, n);
            Arrays.fill(slotStart, old, n, -1);
        }
        int ps = slotStart[slot];
        int pl = slotLength[slot];
        if (ps < 0 || pos + len - ps > WINDOW) {
            literals(b, off, off + len);
        } else {
            int prefix = commonStart(b, off, ps, Math.min(len, pl));
            int suffix = commonEnd(b, off + len, ps + pl, Math.min(len, pl) - prefix);
            int distance = pos - ps;
            int i = 0;
            if (prefix >= MIN_MATCH) {
                copy(prefix, distance);
                i = prefix;
            }
            literals(b, off + i, off + len - (suffix >= MIN_MATCH ? suffix : 0));
            if (suffix >= MIN_MATCH) {
                copy(suffix, distance + len - pl);
            }
        }
        System.arraycopy(b, off, window, pos, len);
        slotStart[slot] = pos;
        slotLength[slot] = len;
        pos += len;
        size += len;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** How many bytes from b[at] on equal window's from w on, at most {@code most}: eight at a time. */
    private int commonStart(byte[] b, int at, int w, int most) {
        int n = 0;
        for (; n + 8 <= most; n += 8) {
            long x = (long) LONGS.get(b, at + n) ^ (long) LONGS.get(window, w + n);
            if (x != 0) {
                return n + (Long.numberOfTrailingZeros(x) >>> 3);
            }
        }
        while (n < most && b[at + n] == window[w + n]) {
            n++;
        }
        return n;
    }

    /** How many bytes before b[end] equal window's before w, at most {@code most}: eight at a time. */
    private int commonEnd(byte[] b, int end, int w, int most) {
        int n = 0;
        for (; n + 8 <= most; n += 8) {
            long x = (long) LONGS.get(b, end - n - 8) ^ (long) LONGS.get(window, w - n - 8);
            if (x != 0) {
                return n + (Long.numberOfLeadingZeros(x) >>> 3);
            }
        }
        while (n < most && b[end - 1 - n] == window[w - 1 - n]) {
            n++;
        }
        return n;
    }

    long size() {
        return size;
    }

    /** The CRC-32 of the bytes given, once {@link #finish} has run. */
    long crc() {
        return crc.getValue();
    }

    /** Bytes of deflate stream written, once {@link #finish} has run. */
    long compressedSize() {
        return written;
    }

    /** Ends the stream: the last block, marked final, and the bits padded to a byte. */
    void finish() throws IOException {
        block(true);
        bits.align();
        bits.drainTo(this);
        crc.update(window, crcFrom, pos - crcFrom);
        crcFrom = pos;
    }

    private void literals(byte[] b, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xff;
            symbols[tokens] = v;
            litFreq[v]++;
            if (++tokens == BLOCK_TOKENS) {
                block(false);
            }
        }
    }

    private void copy(int length, int distance) throws IOException {
        int last = tokens > 0 ? symbols[tokens - 1] : 0;
        if ((last & 0xffff) == distance && last >= 1 << 16 && (last >>> 16) + length <= MAX_MATCH) {
            // The copy before it, continued.
            litFreq[257 + LENGTH_CODE[last >>> 16]]--;
            length += last >>> 16;
            symbols[tokens - 1] = length << 16 | distance;
            litFreq[257 + LENGTH_CODE[length]]++;
            return;
        }
        while (length > MAX_MATCH) {
            int take = length - MAX_MATCH >= MIN_MATCH ? MAX_MATCH : length - MIN_MATCH;
            token(take, distance);
            length -= take;
        }
        token(length, distance);
    }

    private void token(int length, int distance) throws IOException {
        symbols[tokens] = length << 16 | distance;
        litFreq[257 + LENGTH_CODE[length]]++;
        distFreq[distanceCode(distance)]++;
        if (++tokens == BLOCK_TOKENS) {
            block(false);
        }
    }

    /** Makes room for {@code len} more bytes, sliding the window's last {@value #WINDOW} bytes to its start. */
    private void room(int len) {
        if (pos + len <= window.length) {
            return;
        }
        crc.update(window, crcFrom, pos - crcFrom);
        if (len > window.length - WINDOW) {
            window = Arrays.copyOf(window, WINDOW + len);
        }
        int keep = Math.min(WINDOW, pos);
        int shift = pos - keep;
        System.arraycopy(window, shift, window, 0, keep);
        pos = keep;
        crcFrom = pos;
        for (int s = 0; s < slotStart.length; s++) {
            slotStart[s] = slotStart[s] - shift >= 0 && slotStart[s] >= 0 ? slotStart[s] - shift : -1;
        }
    }

    // ---- Huffman blocks (RFC 1951, 3.2.5–3.2.7) ----

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

    private static int distanceCode(int d) {
        return DISTANCE_CODE[d <= 256 ? d - 1 : 256 + ((d - 1) >> 7)];
    }

    private final int[] litBits = new int[286];
    private final int[] distBits = new int[30];
    private final int[] litCode = new int[286];
    private final int[] distCode = new int[30];
    private final int[] lengthValue = new int[MAX_MATCH + 1];
    private final int[] lengthBits = new int[MAX_MATCH + 1];

    /** Writes the symbols held as one block with its own code tables. */
    private void block(boolean last) throws IOException {
        litFreq[256] = 1;
        HuffmanCode.lengths(litFreq, 15, litBits);
        HuffmanCode.lengths(distFreq, 15, distBits);
        HuffmanCode.codes(litBits, litCode);
        HuffmanCode.codes(distBits, distCode);

        int hlit = 286;
        while (hlit > 257 && litBits[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distBits[hdist - 1] == 0) {
            hdist--;
        }
        // The two tables' lengths as one run-length coded sequence (symbols 16, 17, 18 for runs).
        int[] all = new int[hlit + hdist];
        System.arraycopy(litBits, 0, all, 0, hlit);
        System.arraycopy(distBits, 0, all, hlit, hdist);
        int[] runSymbols = new int[all.length];
        int[] runExtra = new int[all.length];
        int runs = 0;
        int[] clFreq = new int[19];
        for (int i = 0; i < all.length; ) {
            int v = all[i];
            int n = 1;
            while (i + n < all.length && all[i + n] == v) {
                n++;
            }
            int left = n;
            if (v == 0) {
                while (left >= 11) {
                    int take = Math.min(138, left);
                    runSymbols[runs] = 18;
                    runExtra[runs++] = take - 11;
                    clFreq[18]++;
                    left -= take;
                }
                if (left >= 3) {
                    runSymbols[runs] = 17;
                    runExtra[runs++] = left - 3;
                    clFreq[17]++;
                    left = 0;
                }
            } else {
                runSymbols[runs] = v;
                runExtra[runs++] = 0;
                clFreq[v]++;
                left--;
                while (left >= 3) {
                    int take = Math.min(6, left);
                    runSymbols[runs] = 16;
                    runExtra[runs++] = take - 3;
                    clFreq[16]++;
                    left -= take;
                }
            }
            for (; left > 0; left--) {
                runSymbols[runs] = v;
                runExtra[runs++] = 0;
                clFreq[v]++;
            }
            i += n;
        }
        int[] clBits = new int[19];
        int[] clCode = new int[19];
        HuffmanCode.lengths(clFreq, 7, clBits);
        HuffmanCode.codes(clBits, clCode);
        int hclen = 19;
        while (hclen > 4 && clBits[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }

        BitSink w = bits;
        w.put(last ? 1 : 0, 1);
        w.put(2, 2); // dynamic Huffman codes
        w.put(hlit - 257, 5);
        w.put(hdist - 1, 5);
        w.put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            w.put(clBits[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int r = 0; r < runs; r++) {
            int s = runSymbols[r];
            w.put(clCode[s], clBits[s]);
            if (s == 16) {
                w.put(runExtra[r], 2);
            } else if (s == 17) {
                w.put(runExtra[r], 3);
            } else if (s == 18) {
                w.put(runExtra[r], 7);
            }
        }
        // Each length's code and extra bits as one value, and the same for the distance codes' bases.
        for (int length = MIN_MATCH; length <= MAX_MATCH; length++) {
            int lc = LENGTH_CODE[length];
            int n = litBits[257 + lc];
            lengthValue[length] = litCode[257 + lc] | (length - LENGTH_BASE[lc]) << n;
            lengthBits[length] = n + LENGTH_EXTRA[lc];
        }
        // The symbols, the bits gathered in locals: this loop runs for every symbol of 150 MB a period. Before each
        // code at most 31 bits wait, so a literal's 15, a length's 20 or a distance's 28 bits fit in the long.
        long acc = w.acc;
        int count = w.count;
        byte[] buf = w.buf;
        int n = w.n;
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
                emit(buf, n);
                n = 0;
            }
        }
        w.acc = acc;
        w.count = count;
        w.n = n;
        w.put(litCode[256], litBits[256]);
        w.drainTo(this);
        tokens = 0;
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
    }

    private void emit(byte[] b, int len) throws IOException {
        out.write(b, 0, len);
        written += len;
    }

    /** Bits gathered least significant first, as deflate packs them. */
    private static final class BitSink {
        private final byte[] buf = new byte[1 << 16];
        private int n;
        private long acc;
        private int count;

        void put(int value, int bitCount) {
            acc |= (long) value << count;
            count += bitCount;
            if (count >= 32) {
                buf[n++] = (byte) acc;
                buf[n++] = (byte) (acc >>> 8);
                buf[n++] = (byte) (acc >>> 16);
                buf[n++] = (byte) (acc >>> 24);
                acc >>>= 32;
                count -= 32;
            }
        }

        void align() {
            while (count > 0) {
                buf[n++] = (byte) acc;
                acc >>>= 8;
                count = Math.max(0, count - 8);
            }
        }

        void drainTo(RowDeflater d) throws IOException {
            d.emit(buf, n);
            n = 0;
        }
    }
}
