package org.kaoping.render;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Office files are zip archives that carry the time they were written (each entry's time, and the created
 * date in docProps/core.xml). The site promises byte-identical builds of the same input, so the archive is
 * rewritten with one fixed time; the entries and their order are kept.
 */
final class StableZip {
    /** 2000-01-01T00:00:00Z: the zip format cannot hold times before 1980, and any fixed time will do. */
    static final long FIXED_MILLIS = 946_684_800_000L;
    static final String FIXED_ISO = "2000-01-01T00:00:00Z";

    private StableZip() {
    }

    static byte[] normalize(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            normalize(zip, out, null, null);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Writes an entry's content, given the content the archive holds. */
    @FunctionalInterface
    interface Rewrite {
        void write(byte[] content, OutputStream out) throws IOException;
    }

    /**
     * As {@link #normalize(byte[])}, written to {@code out} (left open), the entry {@code name} (if not null)
     * written by {@code rewrite} instead of copied.
     */
    static void normalize(byte[] zip, OutputStream out, String name, Rewrite rewrite) throws IOException {
        // Read through the central directory (commons-compress, already there for POI): fastexcel's streaming
        // writer leaves sizes out of the local headers, which java.util.zip.ZipInputStream cannot follow.
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            ZipOutputStream z = new ZipOutputStream(out);
            for (ZipArchiveEntry e : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(FIXED_MILLIS);
                z.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    if (e.getName().equals(name)) {
                        rewrite.write(is.readAllBytes(), z);
                    } else if (e.getName().equals("docProps/core.xml")) {
                        z.write(stableCore(is.readAllBytes()));
                    } else {
                        is.transferTo(z);
                    }
                }
                z.closeEntry();
            }
            z.finish();
        }
    }

    /** docProps/core.xml with every time in it (created, modified) replaced by the fixed one. */
    static byte[] stableCore(byte[] xml) {
        return TIME.matcher(new String(xml, StandardCharsets.UTF_8)).replaceAll(FIXED_ISO).getBytes(StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
}
