package org.kaoping.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip archive written as it is made, laid out as {@link java.util.zip.ZipOutputStream} lays it out (each
 * entry's header, its deflated data, a data descriptor; the central directory at the end; the fixed time of
 * {@link StableZip}), with one thing it cannot do: an entry deflated by a {@link RowDeflater}, whose stream
 * it does not make. Entries deflated here by zlib are the bytes {@code ZipOutputStream} would write.
 */
final class ZipWriter {
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    /** Sizes come after the data; names are UTF-8 (as ZipOutputStream marks them). */
    private static final int FLAGS = 0x0808;
    private static final int VERSION = 20;
    private static final int DEFLATED = 8;
    private static final long LIMIT = 0xffffffffL; // beyond it an archive needs Zip64, which no part here comes near

    private record Entry(byte[] name, long crc, long compressed, long size, long offset) {
    }

    private final Counting out;
    private final int dosTime = dosTime(StableZip.FIXED_MILLIS);
    private final List<Entry> entries = new ArrayList<>();
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] name;        // the open entry's, or null
    private long offset;        // where its header starts
    private long size;          // its bytes given, for an entry deflated by zlib
    private RowDeflater rows;   // the open entry's own deflater, or null

    /** @param level the zlib deflate level of the entries opened with {@link #deflated} */
    ZipWriter(OutputStream out, int level) {
        // Headers go a byte at a time, as ZipOutputStream writes them: gathered here, not sent one by one.
        this.out = new Counting(new BufferedOutputStream(out, 1 << 16));
        deflater = new Deflater(level, true);
    }

    /** Opens an entry deflated by zlib; what is written to the returned stream is its content until {@link #closeEntry}. */
    OutputStream deflated(String entryName) throws IOException {
        open(entryName);
        deflater.reset();
        crc.reset();
        size = 0;
        return zlibEntry;
    }

    /** Opens an entry whose content the returned {@link RowDeflater} deflates, until {@link #closeEntry}. */
    RowDeflater rows(String entryName) throws IOException {
        open(entryName);
        rows = new RowDeflater(out);
        return rows;
    }

    private void open(String entryName) throws IOException {
        if (name != null) {
            throw new IllegalStateException("an entry is open: " + new String(name, StandardCharsets.UTF_8));
        }
        name = entryName.getBytes(StandardCharsets.UTF_8);
        offset = out.count;
        int32(LOCAL);
        int16(VERSION);
        int16(FLAGS);
        int16(DEFLATED);
        int32(dosTime);
        int32(0); // CRC and sizes: in the descriptor
        int32(0);
        int32(0);
        int16(name.length);
        int16(0);
        out.write(name);
    }

    void closeEntry() throws IOException {
        long entryCrc;
        long entrySize;
        long start = offsetOfData();
        if (rows != null) {
            rows.finish();
            entryCrc = rows.crc();
            entrySize = rows.size();
            rows = null;
        } else {
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            entryCrc = crc.getValue();
            entrySize = size;
        }
        long compressed = out.count - start;
        if (entrySize > LIMIT || compressed > LIMIT || out.count > LIMIT) {
            throw new IOException("zip entry too large without Zip64: " + new String(name, StandardCharsets.UTF_8));
        }
        int32(DESCRIPTOR);
        int32((int) entryCrc);
        int32((int) compressed);
        int32((int) entrySize);
        entries.add(new Entry(name, entryCrc, compressed, entrySize, offset));
        name = null;
    }

    private long offsetOfData() {
        return offset + 30 + name.length;
    }

    /** The central directory and the archive's end (the stream is left open). */
    void finish() throws IOException {
        if (name != null) {
            closeEntry();
        }
        long start = out.count;
        for (Entry e : entries) {
            int32(CENTRAL);
            int16(VERSION);
            int16(VERSION);
            int16(FLAGS);
            int16(DEFLATED);
            int32(dosTime);
            int32((int) e.crc());
            int32((int) e.compressed());
            int32((int) e.size());
            int16(e.name().length);
            int16(0); // extra
            int16(0); // comment
            int16(0); // disk
            int16(0); // internal attributes
            int32(0); // external attributes
            int32((int) e.offset());
            out.write(e.name());
        }
        long length = out.count - start;
        if (out.count > LIMIT || entries.size() > 0xffff) {
            throw new IOException("zip archive too large without Zip64");
        }
        int32(END);
        int16(0);
        int16(0);
        int16(entries.size());
        int16(entries.size());
        int32((int) length);
        int32((int) start);
        int16(0);
        out.flush();
        deflater.end();
    }

    private final byte[] deflated = new byte[1 << 16];

    private void drain() throws IOException {
        int n = deflater.deflate(deflated);
        out.write(deflated, 0, n);
    }

    /** What an entry deflated by zlib is given. */
    private final OutputStream zlibEntry = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (name == null || rows != null) {
                throw new IOException("no zip entry deflated by zlib is open");
            }
            crc.update(b, off, len);
            size += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain();
            }
        }
    };

    private void int16(int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private void int32(int v) throws IOException {
        int16(v);
        int16(v >>> 16);
    }

    /** MS-DOS date and time in this machine's zone, as {@link java.util.zip.ZipEntry#setTime} records them. */
    static int dosTime(long millis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
        return (t.getYear() - 1980) << 25 | t.getMonthValue() << 21 | t.getDayOfMonth() << 16
                | t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1;
    }

    /** The archive's stream, counting what it is given (the entries' offsets and sizes). */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
