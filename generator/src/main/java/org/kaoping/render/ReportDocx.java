package org.kaoping.render;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.kaoping.site.ReportDraft;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report draft as a Word document (.docx), the format the bureau edits reports in (Word and WPS).
 * Written with Apache POI's XWPF. A4, the usual margins of official documents, 仿宋-style body text with a
 * first-line indent of two characters, 黑体/楷体 headings; the bureau's own wording in grey italics.
 */
public final class ReportDocx {
    private static final String BODY_FONT = "FangSong";
    private static final String HEADING_FONT = "SimHei";

    private ReportDocx() {
    }

    public static byte[] bytes(ReportDraft r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * As {@link #bytes}, written to {@code out} (left open). POI writes the document without its paragraphs; the
     * paragraphs are written into its word/document.xml from the XML POI makes for each kind of block
     * ({@link Paragraphs}), escaped as POI's XML writer escapes: the same bytes as POI writing every paragraph
     * ({@code ReportDocxTest}), in a fraction of the time (a province report has 20,000 paragraphs, and POI's
     * XML store took a tenth of the build's CPU). A text with a character POI would rewrite (a control
     * character) takes POI's own way.
     */
    public static void write(ReportDraft r, OutputStream out) throws IOException {
        List<ReportText.Block> blocks = ReportText.blocks(r);
        if (!blocks.stream().allMatch(b -> Paragraphs.plain(b.text()))) {
            out.write(poiBytes(r));
            return;
        }
        Paragraphs paragraphs = Paragraphs.get();
        StableZip.normalize(poi(r, List.of()), out, DOCUMENT, (xml, z) -> {
            String document = new String(xml, StandardCharsets.UTF_8);
            int body = document.indexOf(BODY);
            if (body < 0) {
                throw new IOException(DOCUMENT + " without " + BODY);
            }
            z.write(document.substring(0, body + BODY.length()).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(1 << 16);
            for (ReportText.Block b : blocks) {
                paragraphs.append(sb, b);
                if (sb.length() >= 1 << 15) {
                    z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            z.write(document.substring(body + BODY.length()).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static final String DOCUMENT = "word/document.xml";
    private static final String BODY = "<w:body>";

    /** The document as POI writes it, every paragraph through XWPF. */
    static byte[] poiBytes(ReportDraft r) {
        return StableZip.normalize(poi(r, ReportText.blocks(r)));
    }

    /** The document with the given blocks as its paragraphs, as POI writes it (entries not yet normalized). */
    private static byte[] poi(ReportDraft r, List<ReportText.Block> blocks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            doc.getProperties().getCoreProperties().setTitle(r.heading());
            doc.getProperties().getCoreProperties().setCreator(r.bureau().isEmpty() ? "Kaoping" : r.bureau());
            for (ReportText.Block b : blocks) {
                paragraph(doc, b);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, ReportText.Block b) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(b.level() == 0 ? 240 : 80);
        p.setSpacingBetween(1.25);
        XWPFRun run = p.createRun();
        run.setText(b.text());
        switch (b.level()) {
            case 0 -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                font(run, HEADING_FONT, 22);
                run.setBold(true);
            }
            case 1 -> {
                p.setIndentationFirstLine(640);
                p.setSpacingBefore(160);
                font(run, HEADING_FONT, 16);
                run.setBold(true); // visible as a heading even where 黑体 is substituted
            }
            case 2 -> {
                p.setIndentationFirstLine(640);
                font(run, "KaiTi", 16);
                run.setBold(true);
            }
            default -> {
                p.setIndentationFirstLine(640);
                font(run, BODY_FONT, 16);
                if (b.quoted()) {
                    run.setItalic(true);
                    run.setColor("555555");
                    p.setIndentationLeft(640);
                }
            }
        }
    }

    /**
     * The XML of a paragraph of each kind, as POI writes it (made once, through POI, with a marker text), and
     * the escaping POI's XML writer (xmlbeans) applies to the text.
     */
    static final class Paragraphs {
        private static final String MARK = "KAOPINGMARK";
        private static volatile Paragraphs made;
        /** Per kind (level 0, 1, 2, body, quoted body): the XML before the text element and after it. */
        private final String[] before = new String[5];
        private final String[] after = new String[5];

        private Paragraphs() throws IOException {
            List<ReportText.Block> kinds = List.of(new ReportText.Block(0, MARK, false), new ReportText.Block(1, MARK, false),
                    new ReportText.Block(2, MARK, false), new ReportText.Block(-1, MARK, false),
                    new ReportText.Block(-1, MARK, true));
            String xml;
            try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                kinds.forEach(b -> paragraph(doc, b));
                doc.write(out);
                try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                    java.util.zip.ZipEntry e;
                    do {
                        e = zip.getNextEntry();
                    } while (e != null && !e.getName().equals(DOCUMENT));
                    if (e == null) {
                        throw new IOException("POI wrote no " + DOCUMENT);
                    }
                    xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            int at = xml.indexOf(BODY) + BODY.length();
            for (int k = 0; k < kinds.size(); k++) {
                int text = xml.indexOf("<w:t>" + MARK + "</w:t>", at);
                int end = xml.indexOf("</w:p>", text);
                if (at < BODY.length() || text < 0 || end < 0 || !xml.startsWith("<w:p>", at)) {
                    throw new IOException("unexpected paragraph XML from POI: " + xml);
                }
                before[k] = xml.substring(at, text);
                after[k] = xml.substring(text + ("<w:t>" + MARK + "</w:t>").length(), end + "</w:p>".length());
                at = end + "</w:p>".length();
            }
        }

        static Paragraphs get() throws IOException {
            Paragraphs p = made;
            if (p == null) {
                synchronized (Paragraphs.class) {
                    if (made == null) {
                        made = new Paragraphs();
                    }
                    p = made;
                }
            }
            return p;
        }

        /** Text POI writes as it is, escaping aside: no control character but tab and line feed, no lone surrogate. */
        static boolean plain(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                    return false;
                }
                if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }

        void append(StringBuilder sb, ReportText.Block b) {
            int k = switch (b.level()) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 2;
                default -> b.quoted() ? 4 : 3;
            };
            sb.append(before[k]);
            String s = b.text();
            if (s.isEmpty()) {
                sb.append("<w:t/>");
            } else {
                // XWPFRun.setText keeps spaces at either end (xml:space), as POI decides it.
                boolean preserve = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
                sb.append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>");
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '&') {
                        sb.append("&amp;");
                    } else if (c == '<') {
                        sb.append("&lt;");
                    } else if (c == '>' && i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
                        sb.append("&gt;"); // xmlbeans escapes '>' only where it would close "]]>"
                    } else {
                        sb.append(c);
                    }
                }
                sb.append("</w:t>");
            }
            sb.append(after[k]);
        }
    }

    private static void font(XWPFRun run, String family, int points) {
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(family, XWPFRun.FontCharRange.ascii);
        run.setFontSize(points);
    }

    /** A4 (11906 × 16838 twips), margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (GB/T 9704). */
    private static void pageA4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1587));
        mar.setRight(BigInteger.valueOf(1474));
    }
}
