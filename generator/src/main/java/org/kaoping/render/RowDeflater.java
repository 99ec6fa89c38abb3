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
 * the middle as literals — and nothing is searched. {@link DeflateBlocks} codes the symbols, a block at a time.
 * <p>
 * Any inflater reads the stream; what it inflates to is exactly the bytes given, in order ({@code RowDeflaterTest}
 * holds that, and the workbook's worksheet to the XML zlib was given before).
 */
final class RowDeflater {
    private static final int WINDOW = 32 * 1024;      // deflate's distance limit
    private static final int HELD = 1 << 20;           // bytes kept before the window slides
    private static final int BLOCK_TOKENS = 1 << 15;   // symbols per Huffman block
    private static final int MIN_MATCH = DeflateBlocks.MIN_MATCH;
    private static final int MAX_MATCH = DeflateBlocks.MAX_MATCH;

    private final DeflateBlocks blocks;
    private final CRC32 crc = new CRC32();
    private long size;                 // bytes given

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

    RowDeflater(OutputStream out) {
        blocks = new DeflateBlocks(out);
        Arrays.fill(slotStart, -1);
    }

    /** Bytes with no likely repeat among the slots (a worksheet's head and tail). */
    void literal(byte[] b, int off, int len) throws IOException {
        room(len);
        literals(b, off, off + len);
        keep(b, off, len);
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
        slotStart[slot] = pos;
        slotLength[slot] = len;
        keep(b, off, len);
    }

    /** The bytes given, kept in the window (which {@link #room} made room for). */
    private void keep(byte[] b, int off, int len) {
        System.arraycopy(b, off, window, pos, len);
        pos += len;
        size += len;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        return blocks.written();
    }

    /** Ends the stream: the last block, marked final, and the bits padded to a byte. */
    void finish() throws IOException {
        block(true);
        blocks.finish();
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
            litFreq[DeflateBlocks.lengthSymbol(last >>> 16)]--;
            length += last >>> 16;
            symbols[tokens - 1] = length << 16 | distance;
            litFreq[DeflateBlocks.lengthSymbol(length)]++;
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
        litFreq[DeflateBlocks.lengthSymbol(length)]++;
        distFreq[DeflateBlocks.distanceCode(distance)]++;
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
            slotStart[s] = slotStart[s] >= shift ? slotStart[s] - shift : -1;
        }
    }

    /** Writes the symbols held as one block, and begins the next. */
    private void block(boolean last) throws IOException {
        blocks.write(symbols, tokens, litFreq, distFreq, last);
        tokens = 0;
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
    }
}
