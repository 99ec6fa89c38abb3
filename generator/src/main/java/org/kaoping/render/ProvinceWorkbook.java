package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.SheetRows;
import org.kaoping.site.TableSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A province period's workbook ({@link TableXlsx#writeLong}), written here as SpreadsheetML rather than through
 * fastexcel: its 480,000 rows of cells were a fifth of a province build. The archive holds what fastexcel and
 * {@link StableZipStream} made (same parts in the same order, same markup, entries with the fixed time); the
 * worksheets are deflated by {@link RowDeflater}, the other parts at {@link TableXlsx#LONG_LEVEL} by zlib, as
 * before. {@code ProvinceWorkbookSameBytesTest} holds the two equal part for part.
 */
final class ProvinceWorkbook {
    /**
     * Rows (the header included) whose text sets a long worksheet's column widths: the rows fastexcel held when it
     * first wrote the worksheet out. The ranking's widths come from all its rows.
     */
    static final int MEASURED_ROWS = 4_096;

    private static final String SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipWriter zip;
    private final SharedStrings strings = new SharedStrings();
    /** Worksheet names in order, and each one's filter range ($A$1:$J$9) or null. */
    private final List<String> names = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();

    private ProvinceWorkbook(OutputStream out) {
        zip = new ZipWriter(out, TableXlsx.LONG_LEVEL);
    }

    /** See {@link TableXlsx#writeLong}; {@code maxRows} is the rows of a worksheet, header included. */
    static void write(String title, SheetRows tables, int maxRows, OutputStream out) throws IOException {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a worksheet needs a header row and a row: " + maxRows);
        }
        DataTable ranking = tables.ranking();
        int sheets = tables.sheets();
        int hasSheet = ranking.header().indexOf(TableXlsx.HAS_SHEET);
        List<List<Object>> sheetRows = ranking.rows().stream()
                .filter(r -> hasSheet >= 0 && "是".equals(r.get(hasSheet))).toList();
        if (sheetRows.size() != sheets) {
            throw new IllegalStateException(sheets + " sheet tables for " + sheetRows.size()
                    + " ranking rows marked " + TableXlsx.HAS_SHEET);
        }
        ProvinceWorkbook wb = new ProvinceWorkbook(out);
        WorksheetXml first = wb.worksheet(ranking.title(), Integer.MAX_VALUE);
        first.header(ranking.header());
        for (List<Object> row : ranking.rows()) {
            first.beginRow();
            for (Object v : row) {
                first.cell(v);
            }
            first.endRow();
        }
        first.finish();
        wb.zip.closeEntry();
        LongSheet items = null;
        for (int s = 0; s < sheets; s++) {
            if (items == null) {
                List<String> header = new ArrayList<>(List.of(ranking.header().get(0), ranking.header().get(1)));
                header.addAll(tables.sheetHeader());
                items = wb.new LongSheet(header, maxRows);
            }
            items.keepTogether(tables.rows(s));
            items.lead(sheetRows.get(s).get(0), sheetRows.get(s).get(1));
            try {
                tables.write(s, items);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the archive's, from LongSheet.endRow
            }
        }
        if (items != null) {
            items.finish();
        }
        wb.finish(title);
    }

    /** A new worksheet, its name made unique as fastexcel makes it ({@link WorksheetNames#unique}). */
    private WorksheetXml worksheet(String name, int measured) {
        String unique = WorksheetNames.unique(name, taken);
        taken.add(unique);
        names.add(unique);
        filters.add(null);
        String part = "xl/worksheets/sheet" + names.size() + ".xml";
        return new WorksheetXml(() -> zip.rows(part), strings, measured);
    }

    /**
     * {@value TableXlsx#ITEMS} and its continuations, taking each station's sheet rows as they are made, each row
     * led by the station's place and name.
     */
    private final class LongSheet implements TableSink {
        private final List<String> header;
        private final int maxRows;
        private WorksheetXml ws;
        private int count; // worksheets begun
        private Object place;
        private Object station;

        LongSheet(List<String> header, int maxRows) {
            this.header = header;
            this.maxRows = maxRows;
        }

        /** Begins a new worksheet unless {@code rows} more rows fit in the current one (or it has none yet). */
        void keepTogether(int rows) throws IOException {
            if (ws == null || (ws.rows() > 1 && ws.rows() + rows > maxRows)) {
                begin();
            }
        }

        /** The first two cells of the rows that follow: the station's place and name in the ranking. */
        void lead(Object place, Object station) {
            this.place = place;
            this.station = station;
        }

        @Override
        public void beginRow() {
            try {
                if (ws.rows() == maxRows) {
                    begin();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ws.beginRow();
            ws.cell(place);
            ws.cell(station);
        }

        @Override
        public void text(String s) {
            ws.text(s);
        }

        @Override
        public void number(BigDecimal d) {
            ws.number(d);
        }

        @Override
        public void number(int i) {
            ws.number(i);
        }

        @Override
        public void endRow() {
            try {
                ws.endRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void begin() throws IOException {
            finish();
            count++;
            ws = worksheet(count == 1 ? TableXlsx.ITEMS : count == 2 ? TableXlsx.ITEMS + "（续）"
                    : TableXlsx.ITEMS + "（续" + (count - 1) + "）", MEASURED_ROWS);
            ws.header(header);
        }

        void finish() throws IOException {
            if (ws != null) {
                ws.finish(ws.filter(header.size(), false));
                zip.closeEntry();
                filters.set(filters.size() - 1, ws.filter(header.size(), true));
                ws = null;
            }
        }
    }

    /** The parts after the worksheets, in fastexcel's order, then the archive's end. */
    private void finish(String title) throws IOException {
        XmlBytes xml = new XmlBytes(4096);
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= names.size(); i++) {
            xml.add("<Override PartName=\"/xl/worksheets/sheet").add(i).add(".xml\" ContentType=\"" + SHEET_TYPE + "\"/>");
        }
        xml.add("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>");
        part("[Content_Types].xml", xml);
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Application>Kaoping</Application><AppVersion>1.0</AppVersion></Properties>");
        part("docProps/app.xml", xml);
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>").text(title)
                .add("</dc:title><dc:creator>Kaoping</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                        + StableZip.FIXED_ISO + "</dcterms:created></cp:coreProperties>");
        // As StableZipStream rewrote fastexcel's: every time in the part (the title's too) the fixed one.
        java.io.ByteArrayOutputStream core = new java.io.ByteArrayOutputStream();
        xml.moveTo(core);
        zip.deflated("docProps/core.xml").write(StableZip.stableCore(core.toByteArray()));
        zip.closeEntry();
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part("_rels/.rels", xml);
        workbook(xml);
        part("xl/workbook.xml", xml);
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Target=\"sharedStrings.xml\" Type=\"" + RELATIONSHIPS + "/sharedStrings\"/>"
                + "<Relationship Id=\"rId2\" Target=\"styles.xml\" Type=\"" + RELATIONSHIPS + "/styles\"/>");
        for (int i = 1; i <= names.size(); i++) {
            xml.add("<Relationship Id=\"rId").add(i + 2).add("\" Target=\"worksheets/sheet").add(i)
                    .add(".xml\" Type=\"" + RELATIONSHIPS + "/worksheet\"/>");
        }
        xml.add("</Relationships>");
        part("xl/_rels/workbook.xml.rels", xml);
        strings.write(zip.deflated("xl/sharedStrings.xml"));
        zip.closeEntry();
        // Two cell formats: the default, and bold (the header rows).
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"0\"></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"11.00\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"11.00\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
                + "<dxfs count=\"0\"></dxfs></styleSheet>");
        part("xl/styles.xml", xml);
        zip.finish();
    }

    /** xl/workbook.xml: the worksheets in order, and each filter as the hidden name Excel keeps it under. */
    private void workbook(XmlBytes xml) {
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"" + RELATIONSHIPS + "\"><workbookPr date1904=\"false\"/>"
                + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < names.size(); i++) {
            xml.add("<sheet name=\"").text(names.get(i)).add("\" r:id=\"rId").add(i + 3).add("\" sheetId=\"").add(i + 1).add("\"/>");
        }
        xml.add("</sheets><definedNames>");
        for (int i = 0; i < names.size(); i++) {
            if (filters.get(i) != null) {
                xml.add("<definedName function=\"false\" hidden=\"true\" localSheetId=\"").add(i)
                        .add("\" name=\"_xlnm._FilterDatabase\" vbProcedure=\"false\">'").text(names.get(i)).add("'!")
                        .add(filters.get(i)).add("</definedName>");
            }
        }
        xml.add("</definedNames></workbook>");
    }

    private void part(String name, XmlBytes xml) throws IOException {
        xml.moveTo(zip.deflated(name));
        zip.closeEntry();
    }
}
