package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.TableRows;
import org.kaoping.site.TableSink;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A table as CSV (RFC 4180): UTF-8 with a byte-order mark, which is what makes Excel and WPS read Chinese
 * text in a double-clicked .csv correctly; CRLF line ends; a field is quoted when it holds a comma, quote or
 * line break. A text cell that a spreadsheet would take for a formula (= + - @ first) gets a leading
 * apostrophe, so a downloaded file cannot run anything.
 * <p>Written straight as UTF-8 bytes, each field encoded and checked for quoting in one pass (issue 12: a province
 * writes 10,000 station files of some 46 KB and each period's tables; text built, copied and encoded again cost
 * more than the files say). The bytes are those {@code String.getBytes(UTF_8)} gives for the text, an unpaired
 * surrogate as {@code ?} included.
 */
public final class TableCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Room for a station's file without growing; buffers that grew past {@link #KEEP_AT_MOST} are not kept. */
    private static final int FILE = 64 * 1024;
    private static final int KEEP_AT_MOST = 1 << 22;

    /** Each thread's buffer, reused file after file (only the finished file is copied out). */
    private static final ThreadLocal<byte[]> IDLE = new ThreadLocal<>();

    /** Texts at least this long are kept as the field they make ({@link #FIELDS}); shorter ones cost less to write again. */
    static final int KEPT_FROM = 8;

    /**
     * Each thread's fields already written, by the identity of the text or decimal (both immutable): a province's
     * 10,000 station files repeat the rubric's criteria, the interned reasons and the scorer's shared decimals, and
     * encoding them again char by char was most of a file's cost.
     */
    private static final ThreadLocal<ByIdentity<Object, byte[]>> FIELDS =
            ThreadLocal.withInitial(() -> new ByIdentity<>(1 << 12));

    private byte[] out;
    private int length;
    private final ByIdentity<Object, byte[]> fields;

    private TableCsv(byte[] buffer, ByIdentity<Object, byte[]> fields) {
        this.out = buffer;
        this.fields = fields;
    }

    public static byte[] bytes(DataTable t) {
        return file(t.header(), csv -> {
            for (List<Object> r : t.rows()) {
                csv.line(r);
            }
        });
    }

    /** The bytes {@link #bytes(DataTable)} gives for {@code t.get()}, written as the rows are made. */
    public static byte[] bytes(TableRows t) {
        return file(t.header(), csv -> t.write(csv.new Rows()));
    }

    private static byte[] file(List<String> header, java.util.function.Consumer<TableCsv> rows) {
        byte[] idle = IDLE.get();
        IDLE.set(null); // a table written while this one is (none today) would get a buffer of its own
        TableCsv csv = new TableCsv(idle == null ? new byte[FILE] : idle, FIELDS.get());
        csv.copy(BOM, BOM.length);
        csv.line(header);
        rows.accept(csv);
        byte[] file = Arrays.copyOf(csv.out, csv.length);
        if (csv.out.length <= KEEP_AT_MOST) {
            IDLE.set(csv.out);
        }
        return file;
    }

    /** Rows as they are made, each cell written as {@link DataTable} would hold it (null as the empty text). */
    private final class Rows implements TableSink {
        private boolean first;

        @Override
        public void beginRow() {
            first = true;
        }

        @Override
        public void text(String s) {
            comma();
            cell(s == null ? "" : s);
        }

        @Override
        public void number(BigDecimal d) {
            comma();
            cell(d == null ? "" : d);
        }

        @Override
        public void number(int i) {
            comma();
            whole(i);
        }

        @Override
        public void endRow() {
            room(2);
            out[length++] = '\r';
            out[length++] = '\n';
        }

        private void comma() {
            if (!first) {
                room(1);
                out[length++] = ',';
            }
            first = false;
        }
    }

    private void line(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                room(1);
                out[length++] = ',';
            }
            cell(cells.get(i));
        }
        room(2);
        out[length++] = '\r';
        out[length++] = '\n';
    }

    /** One field as the file holds it, as text (tests; the reference the bytes are compared with). */
    static String field(Object cell) {
        TableCsv csv = new TableCsv(new byte[16], new ByIdentity<>(1));
        csv.cell(cell);
        return new String(csv.out, 0, csv.length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes one field: numbers as they are, text defused and quoted where needed. */
    private void cell(Object cell) {
        if (cell instanceof Integer i) {
            whole(i);
            return;
        }
        boolean kept = cell instanceof BigDecimal || cell instanceof String s && s.length() >= KEPT_FROM;
        byte[] known = kept ? fields.get(cell) : null;
        if (known != null) {
            copy(known, known.length);
            return;
        }
        int start = length;
        if (cell instanceof BigDecimal d) {
            figure(d);
        } else {
            field(cell.toString());
        }
        if (kept) {
            fields.put(cell, Arrays.copyOfRange(out, start, length));
        }
    }

    /** A text field: defused and quoted where needed. */
    private void field(String s) {
        boolean defused = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        int start = length;
        if (defused) {
            room(1);
            out[length++] = '\'';
        }
        if (!text(s, false)) {
            return;
        }
        length = start; // it holds a comma, quote or line break: written again, quoted
        room(2);
        out[length++] = '"';
        if (defused) {
            out[length++] = '\'';
        }
        text(s, true);
        room(1);
        out[length++] = '"';
    }

    /**
     * Writes {@code s} as UTF-8, a quote doubled when {@code quoted}; when not, stops at the first character that
     * needs quoting and says so (true).
     */
    private boolean text(String s, boolean quoted) {
        int n = s.length();
        room(3 * n); // at most three bytes a char: a surrogate pair is four for two, a doubled quote two for one
        byte[] b = out;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    if (!quoted) {
                        length = at;
                        return true;
                    }
                    if (c == '"') {
                        b[at++] = '"'; // doubled: two bytes for the char, within the room of three
                    }
                }
                b[at++] = (byte) c;
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? s.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    at = Utf8.putCodePoint(b, at, Character.toCodePoint(c, low));
                    i++;
                } else {
                    b[at++] = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
                }
            } else {
                at = Utf8.put(b, at, c);
            }
        }
        length = at;
        return false;
    }

    /**
     * A decimal with the decimals the table was given: the page's own (92.00), as {@code toPlainString} writes it.
     * A province's files hold the same few hundred figures millions of times: each is made into text once.
     */
    private void figure(BigDecimal d) {
        byte[] known = FIGURES.apply(d);
        copy(known, known.length);
    }

    /** Figures already written, by value and scale: all that {@code toPlainString} depends on. */
    private static final org.kaoping.model.DecimalMemo<byte[]> FIGURES = new org.kaoping.model.DecimalMemo<>(8192,
            d -> d.toPlainString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** A whole number as {@code Integer.toString} writes it. */
    private void whole(int v) {
        if (v < 0) {
            ascii(Integer.toString(v));
            return;
        }
        int digits = XmlBytes.digits(v);
        room(digits);
        for (int at = length + digits - 1; at >= length; at--) {
            out[at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += digits;
    }

    /** Numbers' digits, signs and points: ASCII. */
    private void ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            out[length++] = (byte) s.charAt(i);
        }
    }

    private void copy(byte[] bytes, int n) {
        room(n);
        System.arraycopy(bytes, 0, out, length, n);
        length += n;
    }

    private void room(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(length + more, out.length * 2));
        }
    }
}
