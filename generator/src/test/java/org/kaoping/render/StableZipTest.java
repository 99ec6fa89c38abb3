package org.kaoping.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;
import org.kaoping.site.ReportDraft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Office files carry no build time: every entry has the fixed time, core.xml the fixed date. */
class StableZipTest {
    private static final ReportDraft DRAFT = new ReportDraft("标题", "某县司法局", "开头。", List.of("方式。"),
            List.of("整体。"), "1个司法所的得分情况具体如下：甲司法所90分。", "", List.of(),
            List.of(new ReportDraft.StationDetail(1, "jia", "甲司法所", "stations/jia.html", "90", "各项均未失分。",
                    true, "")), "");

    private static void assertStable(byte[] zip) throws IOException {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                assertEquals(StableZip.FIXED_MILLIS, e.getTime(), e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("docProps/core.xml")) {
                    assertTrue(text.contains(StableZip.FIXED_ISO) || !text.contains("created"), text);
                    assertFalse(text.matches("(?s).*20[2-9]\\d-\\d\\d-\\d\\dT.*"), "no current date: " + text);
                }
            }
        }
        assertTrue(entries > 3);
    }

    @Test
    void docxAndXlsxCarryTheFixedTime() throws IOException {
        byte[] docx = ReportDocx.bytes(DRAFT);
        assertStable(docx);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertEquals("标题", d.getParagraphs().get(0).getText());
        }
        assertStable(TableXlsx.bytes("t", List.of(new DataTable("排名", "r.csv", List.of("总分"),
                List.of(List.of(new BigDecimal("90")))))));
    }
}
