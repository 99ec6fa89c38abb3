package org.kaoping.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.kaoping.load.CorpusLoader;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.ReportDraft;
import org.kaoping.site.ReportPage;
import org.kaoping.site.SiteModelBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report .docx with its paragraphs written from POI's own paragraph XML is byte for byte the document POI
 * writes paragraph by paragraph: for every period of the sample site, and for texts with every character
 * that POI's XML writer escapes or treats apart (seeded).
 */
class ReportDocxTest {
    private static final long SEED = Long.getLong("kaoping.seed", 7L);

    private static List<ReportDraft> sampleDrafts() {
        var model = SiteModelBuilder.build(new CorpusLoader().load(Path.of("content"), Path.of("rubrics")),
                Fingerprint.of(Path.of("content"), Path.of("rubrics")), Clock.systemUTC());
        return model.pages().stream().filter(p -> p instanceof ReportPage).map(p -> ((ReportPage) p).report()).toList();
    }

    private static ReportDraft draft(String heading, List<String> texts, String bureau) {
        List<ReportDraft.StationDetail> stations = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            stations.add(new ReportDraft.StationDetail(i + 1, "s" + i, "甲司法所", "stations/s" + i + ".html", "90",
                    texts.get(i), i % 2 == 0, i % 3 == 0 ? "" : texts.get(texts.size() - 1 - i)));
        }
        return new ReportDraft(heading, bureau, texts.get(0), texts, texts, "得分情况：" + texts.get(1), "", List.of(),
                stations, "原文");
    }

    @Test
    void sampleReportsAreTheDocumentsPoiWrites() throws IOException {
        List<ReportDraft> drafts = sampleDrafts();
        assertFalse(drafts.isEmpty());
        for (ReportDraft d : drafts) {
            byte[] docx = ReportDocx.bytes(d);
            assertArrayEquals(ReportDocx.poiBytes(d), docx, d.heading());
            try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(docx))) {
                List<String> expected = ReportText.blocks(d).stream().map(ReportText.Block::text).toList();
                assertEquals(expected, read.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            }
        }
    }

    /**
     * At a paged period's level the archive holds POI's entries, in its order, with its times and its bytes, and
     * only their compression differs.
     */
    @Test
    void atThePagedLevelTheEntriesArePoisCompressedOtherwise() throws IOException {
        List<ReportDraft> drafts = sampleDrafts();
        assertFalse(drafts.isEmpty());
        for (ReportDraft d : drafts) {
            byte[] poi = ReportDocx.poiBytes(d);
            byte[] paged = bytes(d, ReportDocx.PAGED_LEVEL);
            assertEquals(entries(poi), entries(paged), d.heading());
            assertFalse(Arrays.equals(poi, paged), "deflated at another level: " + d.heading());
            assertArrayEquals(poi, bytes(d, Deflater.DEFAULT_COMPRESSION), "the default level is POI's");
        }
    }

    private static byte[] bytes(ReportDraft d, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportDocx.write(d, out, level);
        return out.toByteArray();
    }

    /** Each entry of an archive as its name, time and bytes (Base64), in order. */
    private static List<String> entries(byte[] zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName() + " " + e.getTime() + " " + Base64.getEncoder().encodeToString(in.readAllBytes()));
            }
        }
        return out;
    }

    @Test
    void escapedAndSpacedTextsAsPoiWritesThem() {
        String[] pieces = {"&", "<", ">", "]]>", "]]", "\"", "'", " ", "\u3000", "\u00a0", "\t", "\n", "😀", "扣分",
                "a", "&amp;", "<w:t>", ""};
        Random r = new Random(SEED);
        for (int round = 0; round < 30; round++) {
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(pieces[r.nextInt(pieces.length)]);
                }
                texts.add(sb.toString());
            }
            ReportDraft d = draft("标题" + texts.get(2), texts, round % 2 == 0 ? "" : "某县司法局");
            assertArrayEquals(ReportDocx.poiBytes(d), ReportDocx.bytes(d), "seed " + SEED + ", round " + round + ": " + texts);
        }
    }

    @Test
    void theSkeletonIsWhatPoiWrites() throws IOException {
        byte[] made = ReportDocx.skeletonFromPoi();
        byte[] shipped;
        try (var in = DocxSkeleton.class.getResourceAsStream(DocxSkeleton.RESOURCE)) {
            shipped = in == null ? new byte[0] : in.readAllBytes();
        }
        if (!java.util.Arrays.equals(made, shipped)) {
            Path fresh = Path.of("generator/target", DocxSkeleton.RESOURCE);
            java.nio.file.Files.write(fresh, made);
            org.junit.jupiter.api.Assertions.fail("POI writes another skeleton than the shipped " + DocxSkeleton.RESOURCE
                    + " (a new POI?): check the difference, then copy " + fresh
                    + " to generator/src/main/resources/org/kaoping/render/");
        }
    }

    @Test
    void titlesAndBureausAsPoiWritesThem() {
        String[] pieces = {"&", "<", ">", "\"", "'", " ", "\u3000", "😀", "\u0085", "\u2028", "\u007f", "\t", "\r",
                "考核报告", "司法局", "a", "&amp;", ""};
        Random r = new Random(SEED + 1);
        for (int round = 0; round < 30; round++) {
            String[] two = new String[2];
            for (int k = 0; k < 2; k++) {
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(5); i > 0; i--) {
                    sb.append(pieces[r.nextInt(pieces.length)]);
                }
                two[k] = sb.toString();
            }
            ReportDraft d = draft(two[0], List.of("正文", "扣分"), two[1]);
            assertArrayEquals(ReportDocx.poiBytes(d), ReportDocx.bytes(d), "seed " + (SEED + 1) + ", round " + round
                    + ": " + java.util.Arrays.toString(two));
        }
    }

    @Test
    void aControlCharacterTakesPoisOwnWay() {
        assertFalse(DocxSkeleton.plain("回车\r换行"));
        assertFalse(DocxSkeleton.plain("\u0001"));
        assertFalse(DocxSkeleton.plain("\ud800孤"));
        assertTrue(DocxSkeleton.plain("制表\t换行\n😀"));
        ReportDraft d = draft("标题", List.of("回车\r换行", "控制\u0001字符", "普通"), "");
        assertArrayEquals(ReportDocx.poiBytes(d), ReportDocx.bytes(d));
    }
}
