package org.kaoping.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@link StableZip#normalize} as a stream: a zip archive written into this comes out of it rewritten with one
 * fixed time, entry by entry, as it is written, so a province workbook (150 MB of worksheet XML) is never held
 * whole. The same bytes as {@code normalize}: the entries in their order, each deflated once by
 * {@link ZipOutputStream}; {@code StableZipStreamTest} holds the two equal.
 * <p>
 * It reads what fastexcel's streaming zip writer makes: local headers without sizes, deflated data, then a
 * data descriptor (32- or 64-bit sizes, with or without its signature; its CRC is checked); the central
 * directory is not needed and is skipped. The writer can be told to store its entries uncompressed
 * (level 0), so the XML is compressed once, here, instead of twice.
 */
final class StableZipStream extends OutputStream {
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final String CORE = "docProps/core.xml";

    private enum State { HEADER, DATA, DESCRIPTOR, END }

    private final ZipOutputStream zip;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] inflated = new byte[64 * 1024];
    /** Header or descriptor bytes collected so far (both are short). */
    private byte[] held = new byte[256];
    private int heldLength;
    private State state = State.HEADER;
    private boolean hasDescriptor;
    private ByteArrayOutputStream core; // docProps/core.xml, rewritten when complete
    private boolean closed;

    /** @param level the deflate level of the archive written to {@code out} ({@link java.util.zip.Deflater}) */
    StableZipStream(OutputStream out, int level) {
        zip = new ZipOutputStream(out);
        zip.setLevel(level);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int used = switch (state) {
                case HEADER -> header(b, off, len);
                case DATA -> data(b, off, len);
                case DESCRIPTOR -> descriptor(b, off, len);
                case END -> len; // the central directory: the archive written here gets its own
            };
            off += used;
            len -= used;
        }
    }

    /** Takes bytes until {@code need} are held; returns how many it took. */
    private int hold(byte[] b, int off, int len, int need) {
        if (held.length < need) {
            held = java.util.Arrays.copyOf(held, Math.max(need, held.length * 2));
        }
        int n = Math.max(0, Math.min(len, need - heldLength));
        System.arraycopy(b, off, held, heldLength, n);
        heldLength += n;
        return n;
    }

    private int header(byte[] b, int off, int len) throws IOException {
        int used = hold(b, off, len, 4);
        if (heldLength < 4) {
            return used;
        }
        int signature = int32(0);
        if (signature != LOCAL) {
            // The central directory (or the end records) follows the last entry.
            heldLength = 0;
            state = State.END;
            return used;
        }
        used += hold(b, off + used, len - used, 30);
        if (heldLength < 30) {
            return used;
        }
        int flags = int16(6);
        int method = int16(8);
        int nameLength = int16(26);
        int extraLength = int16(28);
        used += hold(b, off + used, len - used, 30 + nameLength + extraLength);
        if (heldLength < 30 + nameLength + extraLength) {
            return used;
        }
        if (method != ZipEntry.DEFLATED) {
            throw new IOException("zip entry with compression method " + method + " where a deflated one was expected");
        }
        String name = new String(held, 30, nameLength,
                (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        hasDescriptor = (flags & 8) != 0;
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(StableZip.FIXED_MILLIS);
        zip.putNextEntry(entry);
        core = name.equals(CORE) ? new ByteArrayOutputStream() : null;
        inflater.reset();
        crc.reset();
        heldLength = 0;
        state = State.DATA;
        return used;
    }

    private int data(byte[] b, int off, int len) throws IOException {
        inflater.setInput(b, off, len);
        try {
            while (!inflater.finished() && !inflater.needsInput()) {
                int n = inflater.inflate(inflated);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new IOException("zip entry needs a preset dictionary");
                }
                crc.update(inflated, 0, n);
                if (core != null) {
                    core.write(inflated, 0, n);
                } else {
                    zip.write(inflated, 0, n);
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt zip entry: " + e.getMessage(), e);
        }
        int used = len - inflater.getRemaining();
        if (inflater.finished()) {
            if (core != null) {
                zip.write(StableZip.stableCore(core.toByteArray()));
                core = null;
            }
            zip.closeEntry();
            state = hasDescriptor ? State.DESCRIPTOR : State.HEADER;
        }
        return used;
    }

    /**
     * The data descriptor: an optional signature, the CRC, then both sizes in 4 or 8 bytes each. Which, the
     * sizes say: the bytes after the CRC are compared with the sizes this stream counted itself.
     */
    private int descriptor(byte[] b, int off, int len) throws IOException {
        int used = hold(b, off, len, 4 + 4 + 16);
        if (heldLength < 24) {
            return used;
        }
        int at = int32(0) == DESCRIPTOR ? 4 : 0;
        if ((int32(at) & 0xffffffffL) != crc.getValue()) {
            throw new IOException("zip entry with a wrong CRC");
        }
        long compressed = inflater.getBytesRead();
        long size = inflater.getBytesWritten();
        int end;
        if (int64(at + 4) == compressed && int64(at + 12) == size) {
            end = at + 20;
        } else if ((int32(at + 4) & 0xffffffffL) == compressed && (int32(at + 8) & 0xffffffffL) == size) {
            end = at + 12;
        } else {
            throw new IOException("zip entry whose data descriptor does not match its data");
        }
        // What was held beyond the descriptor is the start of the next header.
        System.arraycopy(held, end, held, 0, heldLength - end);
        heldLength -= end;
        state = State.HEADER;
        return used;
    }

    private int int16(int at) {
        return (held[at] & 0xff) | (held[at + 1] & 0xff) << 8;
    }

    private int int32(int at) {
        return int16(at) | int16(at + 2) << 16;
    }

    private long int64(int at) {
        return (int32(at) & 0xffffffffL) | (long) int32(at + 4) << 32;
    }

    /** Ends the archive written here (its central directory); the stream it was written to stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        inflater.end();
        boolean ended = state == State.END || state == State.HEADER && heldLength >= 4 && int32(0) != LOCAL;
        if (!ended) {
            throw new IOException("zip archive ended in the middle of an entry");
        }
        zip.finish();
    }
}
