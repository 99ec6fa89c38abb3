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
import java.util.List;
import java.util.zip.Deflater;

/**
 * The report draft as a Word document (.docx), the format the bureau edits reports in (Word and WPS).
 * As Apache POI's XWPF writes it: A4, the usual margins of official documents, 仿宋-style body text with a
 * first-line indent of two characters, 黑体/楷体 headings; the bureau's own wording in grey italics. POI itself
 * runs only for a text it would treat apart, and to make (and in tests, to check) {@link DocxSkeleton}.
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
     * The deflate level of a paged period's report (a province's: 17 MB of document XML a period at 10,000
     * stations). At the fastest level it deflates in 0.08 s instead of 0.19 s (zlib on the 2022 period of the
     * 10,000-station sample), to 1.8 MB instead of 1.2 MB: about 0.9 s of a province build's CPU for its eight
     * periods. What the file holds is the same; Word, WPS and POI read any level. A county's keeps POI's.
     */
    public static final int PAGED_LEVEL = Deflater.BEST_SPEED;

    /**
     * As {@link #bytes}, written to {@code out} (left open): the parts POI writes ({@link DocxSkeleton}) with this
     * report's title, bureau and paragraphs written in, the same bytes as POI writing every paragraph
     * ({@code ReportDocxTest}); a text POI would treat apart takes POI's own way.
     */
    public static void write(ReportDraft r, OutputStream out) throws IOException {
        write(r, out, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * As {@link #write(ReportDraft, OutputStream)}, the parts deflated at {@code level}: at any other level than
     * POI's the same entries, holding the same bytes, compressed otherwise ({@code ReportDocxTest}). A text POI would
     * treat apart still takes POI's own way, at its level.
     */
    public static void write(ReportDraft r, OutputStream out, int level) throws IOException {
        List<ReportText.Block> blocks = ReportText.blocks(r);
        if (!DocxSkeleton.plainProperty(r.heading()) || !DocxSkeleton.plainProperty(creator(r))
                || !blocks.stream().allMatch(b -> DocxSkeleton.plain(b.text()))) {
            out.write(poiBytes(r));
            return;
        }
        DocxSkeleton.get().write(out, r.heading(), creator(r), blocks, level);
    }

    private static String creator(ReportDraft r) {
        return r.bureau().isEmpty() ? "Kaoping" : r.bureau();
    }

    /** The document as POI writes it, every paragraph through XWPF. */
    static byte[] poiBytes(ReportDraft r) {
        return StableZip.normalize(poi(r, ReportText.blocks(r)));
    }

    /** The document with the given blocks as its paragraphs, as POI writes it (entries not yet normalized). */
    private static byte[] poi(ReportDraft r, List<ReportText.Block> blocks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            doc.getProperties().getCoreProperties().setTitle(r.heading());
            doc.getProperties().getCoreProperties().setCreator(creator(r));
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
     * What {@link DocxSkeleton} is made from (the resource {@code report-skeleton.docx}): the document POI writes
     * with a paragraph of each kind and marker texts, normalized as every report is.
     */
    static byte[] skeletonFromPoi() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            doc.getProperties().getCoreProperties().setTitle(DocxSkeleton.TITLE);
            doc.getProperties().getCoreProperties().setCreator(DocxSkeleton.CREATOR);
            DocxSkeleton.KINDS.forEach(b -> paragraph(doc, b));
            doc.write(out);
            return StableZip.normalize(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
