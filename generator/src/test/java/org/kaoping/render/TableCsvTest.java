package org.kaoping.render;

import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * The bytes written directly are the text the rules above describe, encoded by the JDK: seeded random tables
     * whose text mixes what gets quoted, defused or encoded in two, three and four bytes (and lone surrogates,
     * which the JDK writes as ?), against a reference that builds the text and encodes it once.
     */
    @Test
    void bytesAreTheReferenceTextInUtf8() {
        String[] pieces = {"a", "Z", "9", " ", ",", "\"", "\n", "\r", "=", "+", "-", "@", "'", "\t", "\u0000", "é", "ß",
                "考", "评", "（", "。", "😀", "\uD83D", "\uDE00", "\uFEFF", "\uFFFF", "\u0800", "\u07FF", "\u007F"};
        java.util.Random random = new java.util.Random(12);
        for (int round = 0; round < 3000; round++) {
            int columns = 1 + random.nextInt(5);
            List<String> header = new java.util.ArrayList<>();
            for (int c = 0; c < columns; c++) {
                header.add(text(random, pieces));
            }
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (int r = random.nextInt(6); r > 0; r--) {
                List<Object> row = new java.util.ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(switch (random.nextInt(6)) {
                        case 0 -> random.nextInt(2001) - 1000;
                        case 1 -> random.nextInt(); // Integer.MIN_VALUE's digits and every length between
                        case 2 -> BigDecimal.valueOf(random.nextInt(20001) - 10000, random.nextInt(4));
                        case 3 -> new BigDecimal(new java.math.BigInteger(90, random), random.nextInt(7) - 2)
                                .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)); // beyond a long, 1E+2
                        default -> text(random, pieces);
                    });
                }
                rows.add(row);
            }
            DataTable t = new DataTable("t", "t.csv", header, rows);
            assertArrayEquals(reference(t), TableCsv.bytes(t), "round " + round + ": " + header + " " + rows);
        }
    }

    private static String text(java.util.Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(random.nextBoolean() ? 4 : 40); n > 0; n--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    /** The file as text, built field by field, then encoded: what TableCsv wrote before it wrote bytes directly. */
    private static byte[] reference(DataTable t) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        referenceLine(sb, t.header());
        t.rows().forEach(r -> referenceLine(sb, r));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void referenceLine(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object cell = cells.get(i);
            boolean text = !(cell instanceof BigDecimal || cell instanceof Integer);
            String s = cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
            String defused = text && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" : "";
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                sb.append('"').append(defused).append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(defused).append(s);
            }
        }
        sb.append("\r\n");
    }
}
