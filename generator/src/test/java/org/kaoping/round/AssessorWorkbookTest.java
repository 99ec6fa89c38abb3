package org.kaoping.round;

import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.ingest.Table;
import org.kaoping.ingest.WorkbookTables;
import org.kaoping.model.Rubric;
import org.kaoping.support.Shipped;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assessor's workbook as written: official layout, validation 0…分值, only the fill-in cells unlocked. */
@Isolated // writes assessor workbooks: fastexcel's default font is process-wide while one is written (support/Locks)
class AssessorWorkbookTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("one worksheet per station as the official sheet, a summary first; validated, protected, fill-in cells unlocked")
    void layoutValidationAndProtection() throws Exception {
        Rubric r = Shipped.rubric("lushan-2023");
        var stations = Shipped.corpus().stations().value().stations();
        Path book = tmp.resolve("b.xlsx");
        try (var os = Files.newOutputStream(book)) {
            AssessorWorkbook.write(os, "2023 年第三季度", r, r.assessment(), stations);
        }
        List<Table> tables = WorkbookTables.read(book);
        assertEquals(stations.size() + 1, tables.size());
        assertEquals("汇总", tables.get(0).worksheet());
        Table first = tables.get(1);
        assertEquals("观音寺", first.worksheet());
        for (int c = 0; c < WorkbookLayout.HEADERS.size(); c++) {
            assertEquals(WorkbookLayout.HEADERS.get(c), first.cell(WorkbookLayout.HEADER_ROW, c).trimmed());
        }
        assertEquals("1.1", first.cell(2, WorkbookLayout.CRITERION_ID).trimmed());
        assertEquals("2", first.cell(2, WorkbookLayout.POINTS).number().orElseThrow().toPlainString());
        assertEquals("合计", first.cell(2 + r.allCriteria().size(), 0).trimmed());

        String xml;
        String styles;
        try (ZipFile zip = new ZipFile(book.toFile())) {
            xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml")).readAllBytes(), StandardCharsets.UTF_8);
            styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<sheetProtection"), "worksheet protected");
        assertTrue(xml.contains("<formula1>AND(ISNUMBER(E3),E3>=0,E3<=2)</formula1>"), "得分 validated 0…分值");
        assertTrue(Pattern.compile("<col min=\"7\" max=\"7\"[^>]*hidden=\"true\"").matcher(xml).find(), "编号 column hidden");
        List<String> xfs = xfs(styles);
        assertTrue(xfs.get(style(xml, "E3")).contains("locked=\"false\""), "得分 unlocked");
        assertTrue(xfs.get(style(xml, "F3")).contains("locked=\"false\""), "扣分原因 unlocked");
        assertTrue(!xfs.get(style(xml, "B3")).contains("locked=\"false\""), "考核内容 locked");
    }

    @Test
    @DisplayName("its 宋体 stays in its own file: a table written after it has the bytes it had before it")
    void defaultFontStaysInItsOwnWorkbook() throws Exception {
        var table = new org.kaoping.site.DataTable("排名", "ranking.csv", List.of("名次", "司法所", "得分"),
                List.of(List.of(1, "观音寺司法所", new java.math.BigDecimal("95.50"))));
        byte[] before = org.kaoping.render.TableXlsx.bytes("排名", List.of(table));
        Rubric r = Shipped.rubric("lushan-2023");
        AssessorWorkbook.write(java.io.OutputStream.nullOutputStream(), "2023 年第三季度", r, r.assessment(),
                Shipped.corpus().stations().value().stations());
        assertArrayEquals(before, org.kaoping.render.TableXlsx.bytes("排名", List.of(table)));
    }

    private static int style(String xml, String ref) {
        Matcher m = Pattern.compile("<c r=\"" + ref + "\" s=\"(\\d+)\"").matcher(xml);
        assertTrue(m.find(), ref);
        return Integer.parseInt(m.group(1));
    }

    private static List<String> xfs(String styles) {
        Matcher block = Pattern.compile("<cellXfs[^>]*>(.*?)</cellXfs>", Pattern.DOTALL).matcher(styles);
        assertTrue(block.find());
        return Pattern.compile("<xf [^>]*?(/>|>.*?</xf>)", Pattern.DOTALL).matcher(block.group(1)).results()
                .map(m -> m.group()).toList();
    }
}
