package org.kaoping.render;

import org.kaoping.site.DataTable;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table as CSV (RFC 4180): UTF-8 with a byte-order mark, which is what makes Excel and WPS read Chinese
 * text in a double-clicked .csv correctly; CRLF line ends; a field is quoted when it holds a comma, quote or
 * line break. A text cell that a spreadsheet would take for a formula (= + - @ first) gets a leading
 * apostrophe, so a downloaded file cannot run anything.
 */
public final class TableCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableCsv() {
    }

    public static byte[] bytes(DataTable t) {
        StringBuilder sb = new StringBuilder();
        line(sb, t.header().stream().map(h -> (Object) h).toList());
        t.rows().forEach(r -> line(sb, r));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        sb.append(cells.stream().map(TableCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(Object cell) {
        String s;
        if (cell instanceof BigDecimal d) {
            s = d.toPlainString(); // the decimals the table was given: the page's own (92.00)
        } else if (cell instanceof Integer i) {
            s = i.toString();
        } else {
            s = cell.toString();
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
