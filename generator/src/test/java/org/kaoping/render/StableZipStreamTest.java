package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The streamed rewrite of an archive gives the bytes of the in-memory one ({@link StableZip#normalize}), however
 * the archive arrives in pieces, from fastexcel (64-bit descriptors, compressed or stored) and from
 * java.util.zip (32-bit descriptors); a damaged archive is refused, not rewritten.
 */
class StableZipStreamTest {
    private static final long SEED = Long.getLong("kaoping.seed", 12L);

    /** A fastexcel workbook of a few thousand cells (text, numbers, a repeated and an escaped string). */
    private static byte[] fastexcel(int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Kaoping", "1.0");
        wb.setCompressionLevel(level);
        wb.properties().setTitle("标题");
        Worksheet ws = wb.newWorksheet("逐项得分");
        Random r = new Random(SEED);
        for (int row = 0; row < 3000; row++) {
            ws.value(row, 0, "司法所" + r.nextInt(50));
            ws.value(row, 1, new BigDecimal(r.nextInt(10000)).movePointLeft(2));
            ws.value(row, 2, "扣分原因 <&> \"" + row);
        }
        wb.finish();
        return out.toByteArray();
    }

    private static byte[] javaZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("a.xml", "empty.xml", "docProps/core.xml", "b/c.xml")) {
                z.putNextEntry(new ZipEntry(name));
                if (name.equals("docProps/core.xml")) {
                    z.write("<dcterms:created>2026-12-01T04:50:00Z</dcterms:created>".getBytes(StandardCharsets.UTF_8));
                } else if (!name.equals("empty.xml")) {
                    z.write(("<x>" + name + "</x>").repeat(500).getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The archive fed to the stream in random pieces (one byte up to a few kilobytes). */
    private static byte[] streamed(byte[] zip, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StableZipStream s = new StableZipStream(out, Deflater.DEFAULT_COMPRESSION);
        int at = 0;
        while (at < zip.length) {
            int n = Math.min(zip.length - at, r.nextBoolean() ? 1 + r.nextInt(40) : 1 + r.nextInt(5000));
            if (n == 1 && r.nextBoolean()) {
                s.write(zip[at]);
            } else {
                s.write(zip, at, n);
            }
            at += n;
        }
        s.close();
        return out.toByteArray();
    }

    @Test
    void sameBytesAsTheInMemoryRewriteInAnyPieces() throws IOException {
        Random r = new Random(SEED);
        List<byte[]> archives = new ArrayList<>(List.of(fastexcel(Deflater.DEFAULT_COMPRESSION),
                fastexcel(Deflater.NO_COMPRESSION), javaZip()));
        for (byte[] zip : archives) {
            byte[] expected = StableZip.normalize(zip);
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(expected, streamed(zip, r), "seed " + SEED + ", try " + i);
            }
        }
    }

    @Test
    void workbookWrittenStoredThenCompressedOnceIsTheNormalizedOne() throws IOException {
        // The old way: fastexcel compresses, StableZip.normalize rewrites the archive in memory.
        List<DataTable> tables = List.of(new DataTable("排名", "r.csv", List.of("名次", "司法所", "总分"),
                List.of(List.of(1, "甲司法所", new BigDecimal("95.50")), List.of(2, "乙司法所", new BigDecimal("90.00")))));
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        Workbook wb = new Workbook(old, "Kaoping", "1.0");
        wb.properties().setTitle("标题");
        Worksheet ws = wb.newWorksheet("排名");
        List<String> header = tables.get(0).header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        List<List<Object>> rows = tables.get(0).rows();
        for (int i = 0; i < rows.size(); i++) {
            ws.value(i + 1, 0, (Integer) rows.get(i).get(0));
            ws.value(i + 1, 1, (String) rows.get(i).get(1));
            ws.value(i + 1, 2, (BigDecimal) rows.get(i).get(2));
        }
        ws.freezePane(0, 1);
        wb.finish();
        assertArrayEquals(StableZip.normalize(old.toByteArray()), TableXlsx.bytes("标题", tables));
    }

    @Test
    void damagedArchivesAreRefused() throws IOException {
        byte[] zip = fastexcel(Deflater.DEFAULT_COMPRESSION);
        byte[] crc = zip.clone();
        // The first entry's data descriptor CRC: flip a bit of the data instead, right after the first header.
        int nameLength = (crc[26] & 0xff) | (crc[27] & 0xff) << 8;
        crc[30 + nameLength + 40] ^= 0x10;
        assertThrows(IOException.class, () -> streamed(crc, new Random(SEED)));
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);
        assertThrows(IOException.class, () -> streamed(cut, new Random(SEED)));
    }
}
