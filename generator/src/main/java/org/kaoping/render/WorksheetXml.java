package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;
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
 * file), then written out as they come, a few tens of kilobytes at a time.
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
        OutputStream open() throws IOException;
    }

    private final Part part;
    private final SharedStrings strings;
    private final int measured;
    private final XmlBytes xml = new XmlBytes(CHUNK + 4096);
    private OutputStream out; // null until the head is written
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
            cellStart().add(BOLD_STRING).add(strings.index(t)).add(CELL_END);
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
        cellStart().add(NUMBER).add(digits).add(CELL_END);
        column++;
    }

    void number(int i) {
        if (out == null) {
            measure(Integer.toString(i).length());
        }
        cellStart().add(NUMBER).add(i).add(CELL_END);
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
            cellStart().add(STRING).add(index).add(CELL_END);
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
            xml.moveTo(out);
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
        xml.add("</sheetData>");
        if (filter != null) {
            xml.add("<autoFilter ref=\"").add(filter).add("\"></autoFilter>");
        }
        xml.add(TAIL).moveTo(out);
    }

    /** The range of the header and every row so far over {@code columns} columns, as A1:J100 or $A$1:$J$100. */
    String filter(int columns, boolean absolute) {
        String d = absolute ? "$" : "";
        return d + "A" + d + "1:" + d + columnName(columns - 1) + d + rows;
    }

    private XmlBytes cellStart() {
        if (!rowOpen) {
            xml.add(ROW).add(rowNumber, rowDigits).add('"').add('>');
            rowOpen = true;
        }
        columns = Math.max(columns, column + 1);
        xml.add(CELL);
        return (column < NAMES.length ? xml.add(NAMES[column]) : xml.add(columnName(column))).add(rowNumber, rowDigits);
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
        out.write(HEAD);
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
            cols.add("</cols>").writeTo(out);
        }
        out.write(XmlBytes.ascii("<sheetData>"));
        xml.moveTo(out);
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
