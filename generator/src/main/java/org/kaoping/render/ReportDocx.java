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
import java.io.UncheckedIOException;
import java.math.BigInteger;

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
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageA4(doc);
            doc.getProperties().getCoreProperties().setTitle(r.heading());
            doc.getProperties().getCoreProperties().setCreator(r.bureau().isEmpty() ? "Kaoping" : r.bureau());
            for (ReportText.Block b : ReportText.blocks(r)) {
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
