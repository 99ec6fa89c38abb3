package org.kaoping.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One worksheet of a {@link ProvinceWorkbook} as SpreadsheetML, written straight to bytes: a bold header row,
 * frozen, then rows of numbers (as numbers) and text (as {@link SharedStrings}), columns wide enough for the
 * text of their first rows, an optional autofilter over everything. The markup is what fastexcel writes for the
 * same calls ({@code ProvinceWorkbookTest} holds the files equal byte for byte), without its per-cell objects,
 * its character buffer and its encoding step, which made a province period's workbook cost seconds.
 * <p>
 * The rows are held until the first {@code measured} rows are in (the column widths come before the rows in the
 * file), then written out as they come, a few tens of kilobytes at a time, in the pieces {@link RowDeflater}
 * compares with the row above.
 */
final class WorksheetXml {
    /** Excel's default column width, in characters; a column whose text needs more is made wider. */
    private static final double DEFAULT_WIDTH = 8.88671875;
    private static final double MAX_WIDTH = 255;
    private static final int CHUNK = 1 << 16;

    private static final byte[] HEAD = XmlBytes.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\" autoPageBreaks=\"false\"/></sheetPr>"
            + "<dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\">"
            // The header row frozen: the pane below it scrolls.
            + "<pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"topLeft\" activeCell=\"A1\" activeCellId=\"0\" sqref=\"A1\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" activeCellId=\"0\" sqref=\"A2\"/>"
            + "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.0\"/>");
    private static final byte[] TAIL = XmlBytes.ascii(
            "<pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\" top=\"0.75\"/>"
            + "<pageSetup paperSize=\"1\" scale=\"100\" fitToWidth=\"1\" fitToHeight=\"1\" firstPageNumber=\"0\" "
            + "useFirstPageNumber=\"false\" blackAndWhite=\"false\" orientation=\"portrait\"/>"
            + "<headerFooter differentFirst=\"false\" differentOddEven=\"false\"><oddHeader></oddHeader>"
            + "<oddFooter></oddFooter></headerFooter></worksheet>");
    private static final byte[] ROW = XmlBytes.ascii("<row r=\"");
    private static final byte[] ROW_END = XmlBytes.ascii("</row>");
    private static final byte[] CELL = XmlBytes.ascii("<c r=\"");
    private static final byte[] NUMBER = XmlBytes.ascii("\" t=\"n\"><v>");
    private static final byte[] STRING = XmlBytes.ascii("\" t=\"s\"><v>");
    private static final byte[] BOLD_STRING = XmlBytes.ascii("\" s=\"1\" t=\"s\"><v>");
    private static final byte[] CELL_END = XmlBytes.ascii("</v></c>");

    /** Opens the worksheet's part in the archive, when its head is ready to be written. */
    @FunctionalInterface
    interface Part {
        RowDeflater open() throws IOException;
    }

    private final Part part;
    private final SharedStrings strings;
    private final int measured;
    private final XmlBytes xml = new XmlBytes(CHUNK + 4096);
    private RowDeflater out;  // null until the head is written
    /**
     * Where the rows held in {@link #xml} divide into pieces for {@link RowDeflater#piece}, and each piece's slot:
     * a row's start ({@value #ROW_SLOT}), then per column its cell's markup up to the value and its value to the
     * cell's end; a piece of slot {@value #NO_SLOT} (the end of the rows) is sent as it is.
     */
    private int[] cutAt = new int[1024];
    private int[] cutSlot = new int[1024];
    private int cuts;
    private static final int ROW_SLOT = 0;
    private static final int NO_SLOT = -1;
    private int rows;         // rows begun, the header included
    private final byte[] rowNumber = new byte[10]; // the current row's number (rows), in digits
    private int rowDigits;
    private int column;       // the next cell's column in the current row
    private boolean rowOpen;  // the current row's element begun (a row without cells is left out)
    private int[] longest = new int[16];  // per column: the longest value among the measured rows
    private int columns;      // columns with a value, as far as the last one
    /**
     * Texts met lately, by identity, with their indexes in {@link #strings}: a province's rows repeat the same
     * instances (its station, the rubric's criteria, shared reasons), which a slot answers without the strings' hash
     * table (a tenth of the worksheet's Java time). Slot by the text's hash, which a String keeps once computed.
     */
    private static final int SEEN = 1 << 10;
    private final String[] seenText = new String[SEEN];
    private final int[] seenIndex = new int[SEEN];

    /** @param measured the rows (header included) whose values set the column widths; later rows stream */
    WorksheetXml(Part part, SharedStrings strings, int measured) {
        this.part = part;
        this.strings = strings;
        this.measured = measured;
    }

    int rows() {
        return rows;
    }

    /** The header row: every title a bold cell, an empty one too. */
    void header(List<String> titles) throws IOException {
        beginRow();
        for (String t : titles) {
            measure(t.length());
            cellStart(BOLD_STRING).add(strings.index(t)).add(CELL_END);
            column++;
        }
        endRow();
    }

    void beginRow() {
        rows++;
        rowDigits = XmlBytes.digits(rows, rowNumber);
        column = 0;
        rowOpen = false;
    }

    /** The next cell of the row: a number as a number, text as text, an empty text left out (its column skipped). */
    void cell(Object v) {
        if (v instanceof BigDecimal d) {
            number(d);
        } else if (v instanceof Integer i) {
            number(i.intValue());
        } else {
            text(v.toString());
        }
    }

    void number(BigDecimal d) {
        String digits = d.toString();
        measure(digits.length());
        cellStart(NUMBER).add(digits).add(CELL_END);
        column++;
    }

    void number(int i) {
        if (out == null) {
            measure(Integer.toString(i).length());
        }
        cellStart(NUMBER).add(i).add(CELL_END);
        column++;
    }

    /** A text cell; the empty text is left out (its column skipped). */
    void text(String s) {
        if (!s.isEmpty()) {
            measure(s.length());
            int slot = s.hashCode() & (SEEN - 1);
            int index;
            if (seenText[slot] == s) {
                index = strings.again(seenIndex[slot]);
            } else {
                index = strings.index(s);
                seenText[slot] = s;
                seenIndex[slot] = index;
            }
            cellStart(STRING).add(index).add(CELL_END);
        }
        column++;
    }

    void endRow() throws IOException {
        if (rowOpen) {
            xml.add(ROW_END);
        }
        if (out == null) {
            if (rows == measured) {
                start();
            }
        } else if (xml.length() >= CHUNK) {
            sendRows();
        }
    }

    /** Ends the worksheet, with no filter. */
    void finish() throws IOException {
        finish(null);
    }

    /** Ends the worksheet; with a {@code filter} ({@link #filter}), a filter over that range. */
    void finish(String filter) throws IOException {
        if (out == null) {
            start();
        }
        cut(NO_SLOT);
        xml.add("</sheetData>");
        if (filter != null) {
            xml.add("<autoFilter ref=\"").add(filter).add("\"></autoFilter>");
        }
        xml.add(TAIL);
        sendRows();
    }

    /** The range of the header and every row so far over {@code columns} columns, as A1:J100 or $A$1:$J$100. */
    String filter(int columns, boolean absolute) {
        String d = absolute ? "$" : "";
        return d + "A" + d + "1:" + d + columnName(columns - 1) + d + rows;
    }

    /** A cell's markup up to its value, {@code type} its attributes' end and {@code <v>}. */
    private XmlBytes cellStart(byte[] type) {
        if (!rowOpen) {
            cut(ROW_SLOT);
            xml.add(ROW).add(rowNumber, rowDigits).add('"').add('>');
            rowOpen = true;
        }
        columns = Math.max(columns, column + 1);
        cut(1 + 2 * column);
        xml.add(CELL);
        (column < NAMES.length ? xml.add(NAMES[column]) : xml.add(columnName(column))).add(rowNumber, rowDigits).add(type);
        cut(2 + 2 * column);
        return xml;
    }

    private void cut(int slot) {
        if (cuts == cutAt.length) {
            cutAt = Arrays.copyOf(cutAt, cuts * 2);
            cutSlot = Arrays.copyOf(cutSlot, cuts * 2);
        }
        cutAt[cuts] = xml.length();
        cutSlot[cuts++] = slot;
    }

    /** Sends the rows held to the deflater, piece by piece, and clears them. */
    private void sendRows() throws IOException {
        byte[] b = xml.array();
        int from = 0;
        int slot = NO_SLOT;
        for (int k = 0; k < cuts; k++) {
            send(slot, b, from, cutAt[k]);
            from = cutAt[k];
            slot = cutSlot[k];
        }
        send(slot, b, from, xml.length());
        xml.clear();
        cuts = 0;
    }

    private void send(int slot, byte[] b, int from, int to) throws IOException {
        if (to > from) {
            if (slot == NO_SLOT) {
                out.literal(b, from, to - from);
            } else {
                out.piece(slot, b, from, to - from);
            }
        }
    }

    private void measure(int length) {
        if (out != null) {
            return;
        }
        if (column >= longest.length) {
            longest = Arrays.copyOf(longest, column * 2);
        }
        longest[column] = Math.max(longest[column], length);
    }

    /** Writes the head (with the column widths now known) and the rows held so far. */
    private void start() throws IOException {
        out = part.open();
        out.literal(HEAD, 0, HEAD.length);
        XmlBytes cols = new XmlBytes(256);
        for (int c = 0; c < columns; c++) {
            double width = width(longest[c]);
            if (width > DEFAULT_WIDTH) {
                cols.add(cols.length() == 0 ? "<cols>" : "").add("<col min=\"").add(c + 1).add("\" max=\"").add(c + 1)
                        .add("\" width=\"").add(Double.toString(Math.min(MAX_WIDTH, width)))
                        .add("\" outlineLevel=\"0\" customWidth=\"true\" bestFit=\"true\"/>");
            }
        }
        if (cols.length() > 0) {
            cols.add("</cols>");
        }
        cols.add("<sheetData>");
        out.literal(cols.array(), 0, cols.length());
        sendRows();
    }

    /** A column's width for values of {@code length} characters (fastexcel's rule: 7 pixels a character, 10 more). */
    private static double width(int length) {
        return Math.max(DEFAULT_WIDTH, (int) ((length * 7 + 10) / 7.0 * 256) / 256.0);
    }

    /** The letters of the first columns, made once. */
    private static final byte[][] NAMES = new byte[64][];

    static {
        for (int c = 0; c < NAMES.length; c++) {
            NAMES[c] = XmlBytes.ascii(columnName(c));
        }
    }

    /** A column's letters: A … Z, AA …. */
    static String columnName(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }
}
