package org.kaoping.render;

import org.kaoping.site.ReportDraft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The report draft as plain text (UTF-8 with BOM, CRLF), in the order and numbering of the bureau's own
 * reports, one paragraph per line. The .docx is built from the same {@link #blocks}: the two can never differ in content.
 */
public final class ReportText {
    private ReportText() {
    }

    /** A heading (level 0 = title, 1 = 一、…, 2 = （一）…) or a paragraph (level -1); {@code label} marks quoted wording. */
    public record Block(int level, String text, boolean quoted) {
    }

    public static List<Block> blocks(ReportDraft r) {
        List<Block> out = new ArrayList<>();
        out.add(new Block(0, r.heading(), false));
        out.add(new Block(-1, r.intro(), false));
        out.add(new Block(1, "一、考核方式", false));
        r.method().forEach(m -> out.add(new Block(-1, m, false)));
        out.add(new Block(1, "二、整体情况", false));
        r.overall().forEach(m -> out.add(new Block(-1, m, false)));
        out.add(new Block(-1, r.scoreList(), false));
        if (r.hasProblems()) {
            out.add(new Block(1, "三、各所存在问题", false));
            out.add(new Block(-1, r.basis(), false));
            for (ReportDraft.ProblemSection s : r.problems()) {
                out.add(new Block(2, s.heading(), false));
                if (s.hasCommon()) {
                    out.add(new Block(-1, "1、共性问题：", false));
                    s.common().forEach(p -> out.add(new Block(-1, p.text(), false)));
                }
                if (s.hasIndividual()) {
                    out.add(new Block(-1, (s.hasCommon() ? "2" : "1") + "、个性问题：", false));
                    s.individual().forEach(p -> out.add(new Block(-1, p.text(), false)));
                }
                if (!s.none().isEmpty()) {
                    out.add(new Block(-1, s.none(), false));
                }
            }
        }
        out.add(new Block(1, r.stationsHeading(), false));
        for (ReportDraft.StationDetail d : r.stations()) {
            out.add(new Block(-1, d.line(), false));
            if (d.hasWording()) {
                out.add(new Block(-1, "〔" + r.wordingSource() + "原文〕" + d.wording(), true));
            }
        }
        if (!r.bureau().isEmpty()) {
            out.add(new Block(-1, r.bureau(), false));
        }
        return out;
    }

    public static byte[] bytes(ReportDraft r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(r, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** As {@link #bytes}, written to {@code out} a few thousand lines at a time (a province's report is 12 MB). */
    public static void write(ReportDraft r, java.io.OutputStream out) throws java.io.IOException {
        // With a byte-order mark, as the .csv files: older Notepad and WPS then read it as UTF-8, not GBK.
        StringBuilder sb = new StringBuilder(1 << 16).append('\uFEFF');
        for (Block b : blocks(r)) {
            if (b.level() > 0) {
                sb.append("\r\n"); // a blank line before each heading
            }
            sb.append(b.level() == -1 && !b.quoted() ? "    " : "").append(b.text()).append("\r\n");
            if (b.level() == 0) {
                sb.append("\r\n");
            }
            if (sb.length() >= 1 << 15) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
