package org.kaoping.render;

import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick way of adding worksheets makes the very workbook fastexcel's own way makes, tricky names included. */
class WorksheetNamesTest {
    @Test
    void sameBytesAsFastexcelsOwnNewWorksheet() {
        List<String> titles = new ArrayList<>(List.of("排名", "排名", "排名", "a/b", "a-b", "a\\b", "问?号", "星*号", "[括]", "冒:号",
                "这是一个非常非常非常非常非常非常非常非常非常非常长的司法所名字一二三四五六七八九十",
                "这是一个非常非常非常非常非常非常非常非常非常非常长的司法所名字一二三四五六七八九十",
                "这是一个非常非常非常非常非常非常非常非常非常非常长的司法所名字另一个", "排名_1", "x_1", "x", "x", "x"));
        for (int i = 0; i < 300; i++) {
            titles.add("所" + (i % 120));
        }
        List<DataTable> tables = new ArrayList<>();
        for (String t : titles) {
            tables.add(new DataTable(t, t + ".csv", List.of("序号", "得分"), List.of(List.of(1, new BigDecimal("2.5")))));
        }
        assertTrue(new WorksheetNames(new org.dhatim.fastexcel.Workbook(new java.io.ByteArrayOutputStream(), "t", "1.0")).quick(),
                "fastexcel's internals changed: the quick way is off and province workbooks are quadratic again");
        byte[] quick = TableXlsx.bytes("标题", tables, true);
        byte[] plain = TableXlsx.bytes("标题", tables, false);
        assertTrue(quick.length > 1000);
        assertArrayEquals(plain, quick);
    }
}
