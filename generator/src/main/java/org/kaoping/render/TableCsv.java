package org.kaoping.render;

import org.kaoping.site.DataTable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        // Into one of the thread's reused page buffers: a station's .csv is some 46 KB of Chinese text, and a new
        // builder grew (and went from Latin-1 to UTF-16) several times for each.
        return PageText.collect(buffer -> {
            StringBuilder sb = buffer.builder();
            sb.append('\uFEFF'); // the byte-order mark, EF BB BF in UTF-8
            line(sb, t.header());
            for (List<Object> r : t.rows()) {
                line(sb, r);
            }
        }).getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            field(sb, cells.get(i));
        }
        sb.append("\r\n");
    }

    static String field(Object cell) {
        StringBuilder sb = new StringBuilder();
        field(sb, cell);
        return sb.toString();
    }

    /** Appends one field (into the line being built: no string per field). */
    private static void field(StringBuilder sb, Object cell) {
        String s;
        boolean text = false;
        if (cell instanceof BigDecimal d) {
            s = d.toPlainString(); // the decimals the table was given: the page's own (92.00)
        } else if (cell instanceof Integer i) {
            s = i.toString();
        } else {
            s = cell.toString();
            text = true;
        }
        boolean defused = text && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        boolean quoted = false;
        for (int i = 0; i < s.length() && !quoted; i++) {
            char c = s.charAt(i);
            quoted = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quoted) {
            if (defused) {
                sb.append('\'');
            }
            sb.append(s);
            return;
        }
        sb.append('"');
        if (defused) {
            sb.append('\'');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
