package org.kaoping.render;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.InputStream;
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
        // Read through the central directory (commons-compress, already there for POI): fastexcel's streaming
        // writer leaves sizes out of the local headers, which java.util.zip.ZipInputStream cannot follow.
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(FIXED_MILLIS);
                z.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    if (e.getName().equals("docProps/core.xml")) {
                        z.write(stableCore(is.readAllBytes()));
                    } else {
                        // Streamed: a province workbook's long worksheet is over 100 MB of XML (same bytes out).
                        is.transferTo(z);
                    }
                }
                z.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** docProps/core.xml with every time in it (created, modified) replaced by the fixed one. */
    static byte[] stableCore(byte[] xml) {
        return TIME.matcher(new String(xml, StandardCharsets.UTF_8)).replaceAll(FIXED_ISO).getBytes(StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
}
