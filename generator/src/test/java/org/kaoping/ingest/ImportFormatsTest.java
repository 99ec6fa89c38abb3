package org.kaoping.ingest;

import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.round.AssessorWorkbook;
import org.kaoping.round.WorkbookFiller;
import org.kaoping.round.WorkbookLayout;
import org.kaoping.support.Cli;
import org.kaoping.support.Shipped;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three ways scores arrive — GBK CSV, UTF-8 CSV with BOM, a filled .xlsx — give the same sheets. */
@Isolated // writes assessor workbooks: fastexcel's default font is process-wide while one is written (support/Locks)
class ImportFormatsTest {
    private static final List<String> STATIONS = List.of("观音寺", "琴台司法所", "魏子营司法所");
    private static final List<String> IDS = List.of("guanyinsi", "qintai", "gunziying");

    @TempDir
    Path tmp;

    /** Station i loses 0.5 on criterion j when (i + j) % 5 == 0, with a reason. */
    private static BigDecimal score(Criterion c, int i, int j) {
        return (i + j) % 5 == 0 ? c.points().subtract(new BigDecimal("0.5")) : c.points();
    }

    private String csv() {
        Rubric r = Shipped.rubric("lushan-2023");
        List<String> header = new ArrayList<>(List.of("序号", "司法所"));
        r.allCriteria().forEach(c -> header.add(c.id()));
        header.add("扣分原因 1.1");
        StringBuilder b = new StringBuilder(String.join(",", header)).append("\r\n");
        for (int i = 0; i < STATIONS.size(); i++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), STATIONS.get(i)));
            List<Criterion> all = r.allCriteria();
            for (int j = 0; j < all.size(); j++) {
                row.add(score(all.get(j), i, j).toPlainString());
            }
            row.add(i == 0 ? "\"缺少“四公开”, 制度\"" : "");
            b.append(String.join(",", row)).append("\r\n");
        }
        return b.toString();
    }

    private Path importInto(String name, Path file) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path content = Cli.contentCopy(dir);
        Cli.Run made = Cli.run("new-period", "--content", content.toString(), "--id", "2023-q3", "--rubric", "lushan-2023",
                "--workbook", dir.resolve("2023-q3.xlsx").toString());
        assertEquals(0, made.exit(), made.all());
        Cli.Run run = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", file.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("import: 3 个司法所有变化"), run.out());
        return content.resolve("sheets/2023-q3");
    }

    @Test
    @DisplayName("a GBK CSV, a UTF-8 CSV with BOM and an .xlsx produce byte-identical sheets")
    void sameSheetsFromEveryFormat() throws Exception {
        Path gbk = tmp.resolve("gbk.csv");
        Files.write(gbk, csv().getBytes(Charset.forName("GBK")));
        Path bom = tmp.resolve("bom.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(csv().getBytes(StandardCharsets.UTF_8));
        Files.write(bom, b.toByteArray());

        Rubric r = Shipped.rubric("lushan-2023");
        Path book = tmp.resolve("filled.xlsx");
        var stations = Shipped.corpus().stations().value().stations();
        try (var os = Files.newOutputStream(book)) {
            AssessorWorkbook.write(os, "2023 年第三季度", r, r.assessment(), stations);
        }
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            String id = IDS.get(i);
            var station = stations.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            Map<String, Object> sheet = new LinkedHashMap<>();
            List<Criterion> all = r.allCriteria();
            for (int j = 0; j < all.size(); j++) {
                sheet.put(WorkbookLayout.a1(WorkbookLayout.HEADER_ROW + 1 + j, WorkbookLayout.SCORE), score(all.get(j), i, j));
            }
            if (i == 0) {
                sheet.put(WorkbookLayout.a1(WorkbookLayout.HEADER_ROW + 1, WorkbookLayout.REASON), "缺少“四公开”, 制度");
            }
            cells.put(AssessorWorkbook.worksheetName(station), sheet);
        }
        WorkbookFiller.fill(book, cells);

        Path fromGbk = importInto("gbk", gbk);
        Path fromBom = importInto("bom", bom);
        Path fromXlsx = importInto("xlsx", book);
        for (String id : IDS) {
            byte[] g = Files.readAllBytes(fromGbk.resolve(id + ".json"));
            assertArrayEquals(g, Files.readAllBytes(fromBom.resolve(id + ".json")), id + ": BOM CSV differs from GBK CSV");
            assertArrayEquals(g, Files.readAllBytes(fromXlsx.resolve(id + ".json")), id + ": xlsx differs from GBK CSV");
        }
        String guanyinsi = Files.readString(fromGbk.resolve("guanyinsi.json"));
        assertTrue(guanyinsi.contains("\"reason\": \"缺少“四公开”, 制度\""), guanyinsi);
        assertTrue(guanyinsi.contains("\"1.1\": {\n      \"score\": 1.5,"), guanyinsi);
    }

    @Test
    @DisplayName("unknown station, a non-number and a score above 分值: all three located, nothing written")
    void refusesWithEveryProblemLocated() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path book = tmp.resolve("2023-q3.xlsx");
        assertEquals(0, Cli.run("new-period", "--content", content.toString(), "--id", "2023-q3", "--rubric", "lushan-2023",
                "--workbook", book.toString()).exit());
        Rubric r = Shipped.rubric("lushan-2023");
        Map<String, Object> full = new LinkedHashMap<>();
        List<Criterion> all = r.allCriteria();
        for (int j = 0; j < all.size(); j++) {
            full.put(WorkbookLayout.a1(WorkbookLayout.HEADER_ROW + 1 + j, WorkbookLayout.SCORE), all.get(j).points());
        }
        Map<String, Object> guanyinsi = new LinkedHashMap<>(full);
        guanyinsi.put("E6", new BigDecimal("2.5"));   // row 6 is criterion 1.4, 分值 1
        Map<String, Object> qintai = new LinkedHashMap<>(full);
        qintai.put("E4", "两分");
        WorkbookFiller.fill(book, Map.of("观音寺", guanyinsi, "琴台", qintai));
        // A worksheet renamed to a station that does not exist.
        Path renamed = tmp.resolve("renamed.xlsx");
        Files.copy(book, renamed);
        rename(renamed, "张良", "张粮");
        Map<String, Integer> before = Cli.snapshot(content);

        Cli.Run run = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", renamed.toString());
        assertEquals(1, run.exit(), run.all());
        List<String> errors = run.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(
                "renamed.xlsx:观音寺!E6: error: 得分 2.5 超过分值 1",
                "renamed.xlsx:张粮!A1: error: 工作表名“张粮”不在司法所名录中；最接近的：张店司法所、张良司法所、背孜司法所",
                "renamed.xlsx:琴台!E4: error: 得分“两分”不是数字"), errors);
        assertTrue(run.err().contains("import: 3 个错误；" + content + " 未作任何修改"), run.err());
        assertEquals(before, Cli.snapshot(content));
    }

    /** Renames a worksheet inside the workbook XML, as a person double-clicking its tab would. */
    private static void rename(Path xlsx, String from, String to) throws Exception {
        Path dir = xlsx.resolveSibling("unzipped");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        String wb = new String(entries.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        String ref = from.codePoints().mapToObj(c -> String.format("&#x%x;", c)).reduce("", String::concat);
        assertTrue(wb.contains(ref), "worksheet " + from + " in " + wb);
        entries.put("xl/workbook.xml", wb.replace("name=\"" + ref + "\"", "name=\"" + to + "\"").getBytes(StandardCharsets.UTF_8));
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(xlsx))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    @Test
    @DisplayName("decoding: BOM, plain UTF-8 and GBK all read back as the same text")
    void decoding() {
        String text = "司法所,得分\r\n观音寺,2.5\r\n";
        assertEquals(text, TextDecoding.decode(text.getBytes(Charset.forName("GBK"))));
        assertEquals(text, TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8)));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertEquals(text, TextDecoding.decode(withBom));
    }
}
