package org.kaoping.render;

import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableCsvTest {
    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertEquals("92.00", TableCsv.field(new BigDecimal("92.00")), "a figure keeps the decimals it was given, as the page shows it");
        assertEquals("\"a,b\"", TableCsv.field("a,b"));
        assertEquals("\"说\"\"明\"\"\"", TableCsv.field("说\"明\""));
        assertEquals("\"两\n行\"", TableCsv.field("两\n行"));
        assertEquals("'=1+1", TableCsv.field("=1+1"));
        assertEquals("'@SUM(A1)", TableCsv.field("@SUM(A1)"));
        assertEquals("'-1", TableCsv.field("-1"));
        assertEquals("-1", TableCsv.field(new BigDecimal("-1")));
    }

    @Test
    void fileIsUtf8WithBomAndCrlf() {
        byte[] b = TableCsv.bytes(new DataTable("t", "t.csv", List.of("名次", "总分"),
                List.of(List.of(1, new BigDecimal("97.50")))));
        assertEquals("\uFEFF名次,总分\r\n1,97.50\r\n", new String(b, StandardCharsets.UTF_8));
    }
}
