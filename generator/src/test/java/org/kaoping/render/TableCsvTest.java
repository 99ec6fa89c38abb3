package org.kaoping.render;

import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;
import org.kaoping.site.TableRows;
import org.kaoping.site.TableSink;

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
     * which the JDK writes as ?), against a reference that builds the text and encodes it once. Half the cells
     * are drawn from a pool of texts and decimals used again and again, far more than a thread's memo of fields
     * holds, so that fields are written from it, replaced in it and written again; each table is also written as
     * its rows are made ({@link TableRows}), with the empty cells as nulls.
     */
    @Test
    void bytesAreTheReferenceTextInUtf8() {
        String[] pieces = {"a", "Z", "9", " ", ",", "\"", "\n", "\r", "=", "+", "-", "@", "'", "\t", "\u0000", "é", "ß",
                "考", "评", "（", "。", "😀", "\uD83D", "\uDE00", "\uFEFF", "\uFFFF", "\u0800", "\u07FF", "\u007F"};
        java.util.Random random = new java.util.Random(12);
        List<Object> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            pool.add(i % 3 == 0 ? decimal(random) : text(random, pieces));
        }
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
                    row.add(switch (random.nextInt(12)) {
                        case 0 -> random.nextInt(2001) - 1000;
                        case 1 -> random.nextInt(); // Integer.MIN_VALUE's digits and every length between
                        case 2 -> decimal(random);
                        case 3, 4 -> text(random, pieces);
                        default -> pool.get(random.nextInt(random.nextBoolean() ? 50 : pool.size()));
                    });
                }
                rows.add(row);
            }
            DataTable t = new DataTable("t", "t.csv", header, rows);
            byte[] reference = reference(t);
            assertArrayEquals(reference, TableCsv.bytes(t), "round " + round + ": " + header + " " + rows);
            assertArrayEquals(reference, TableCsv.bytes(rowsOf(t)), "round " + round + ", row by row");
        }
    }

    private static BigDecimal decimal(java.util.Random random) {
        return random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(20001) - 10000, random.nextInt(4))
                : new BigDecimal(new java.math.BigInteger(90, random), random.nextInt(7) - 2)
                .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)); // beyond a long, 1E+2
    }

    /** The table handed over cell by cell, an empty text as null (as SheetCells never does, and DataTable allows). */
    private static TableRows rowsOf(DataTable t) {
        return new TableRows() {
            @Override
            public List<String> header() {
                return t.header();
            }

            @Override
            public void write(TableSink sink) {
                for (List<Object> row : t.rows()) {
                    sink.beginRow();
                    for (Object cell : row) {
                        if (cell instanceof Integer i) {
                            sink.number(i);
                        } else if (cell instanceof BigDecimal d) {
                            sink.number(d);
                        } else {
                            sink.text("".equals(cell) ? null : (String) cell);
                        }
                    }
                    sink.endRow();
                }
            }

            @Override
            public DataTable get() {
                return t;
            }
        };
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
