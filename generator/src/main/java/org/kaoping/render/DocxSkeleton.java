package org.kaoping.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The report .docx as Apache POI writes it, kept as a resource ({@code report-skeleton.docx}, made by
 * {@link ReportDocx#skeletonFromPoi()}): its parts, the XML of a paragraph of each kind and the document
 * properties with marker texts. A report is these parts with its title, bureau and paragraphs written in,
 * escaped as POI's XML writers escape them — the bytes POI would write ({@code ReportDocxTest}), without
 * loading POI's schema type system, which took about a third of a county build's CPU. A text POI would
 * treat apart (a control character, a lone surrogate, a character its properties writer turns into a
 * reference) takes POI's own way.
 */
final class DocxSkeleton {
    static final String RESOURCE = "report-skeleton.docx";
    /** The marker texts the resource was made with: paragraph text, title and creator. */
    static final String TEXT = "KAOPINGTEXT";
    static final String TITLE = "KAOPINGTITLE";
    static final String CREATOR = "KAOPINGCREATOR";
    /** A paragraph of each kind, marked, in the resource's order: title, 一、 heading, （一） heading, body, quoted body. */
    static final List<ReportText.Block> KINDS = List.of(new ReportText.Block(0, TEXT, false),
            new ReportText.Block(1, TEXT, false), new ReportText.Block(2, TEXT, false),
            new ReportText.Block(-1, TEXT, false), new ReportText.Block(-1, TEXT, true));

    private static final String DOCUMENT = "word/document.xml";
    private static final String CORE = "docProps/core.xml";
    private static final String BODY = "<w:body>";
    private static volatile DocxSkeleton loaded;

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    private final String documentStart;
    private final String documentEnd;
    private final String[] before = new String[KINDS.size()];
    private final String[] after = new String[KINDS.size()];
    private final String coreStart;
    private final String coreMiddle;
    private final String coreEnd;

    DocxSkeleton(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                contents.add(zip.readAllBytes());
            }
        }
        String xml = text(DOCUMENT);
        int at = xml.indexOf(BODY) + BODY.length();
        documentStart = xml.substring(0, Math.max(0, at));
        String marked = "<w:t>" + TEXT + "</w:t>";
        for (int k = 0; k < KINDS.size(); k++) {
            int text = xml.indexOf(marked, at);
            int end = xml.indexOf("</w:p>", text);
            if (at < BODY.length() || text < 0 || end < 0 || !xml.startsWith("<w:p>", at)) {
                throw new IOException(RESOURCE + ": unexpected paragraph XML: " + xml);
            }
            before[k] = xml.substring(at, text);
            after[k] = xml.substring(text + marked.length(), end + "</w:p>".length());
            at = end + "</w:p>".length();
        }
        documentEnd = xml.substring(at);
        String core = text(CORE);
        String creator = "<dc:creator>" + CREATOR + "</dc:creator>";
        String title = "<dc:title>" + TITLE + "</dc:title>";
        int c = core.indexOf(creator);
        int t = core.indexOf(title);
        if (c < 0 || t < c) {
            throw new IOException(RESOURCE + ": unexpected document properties: " + core);
        }
        coreStart = core.substring(0, c + "<dc:creator>".length());
        coreMiddle = core.substring(c + creator.length() - "</dc:creator>".length(), t + "<dc:title>".length());
        coreEnd = core.substring(t + title.length() - "</dc:title>".length());
    }

    private String text(String name) throws IOException {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IOException(RESOURCE + " has no " + name);
        }
        return new String(contents.get(i), StandardCharsets.UTF_8);
    }

    static DocxSkeleton get() {
        DocxSkeleton s = loaded;
        if (s == null) {
            synchronized (DocxSkeleton.class) {
                if (loaded == null) {
                    try (InputStream in = DocxSkeleton.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IOException("resource " + RESOURCE + " is missing from the jar");
                        }
                        loaded = new DocxSkeleton(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                s = loaded;
            }
        }
        return s;
    }

    /** A paragraph text POI writes as it is, escaping aside: no control character but tab and line feed, no lone surrogate. */
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

    /**
     * A title or creator the properties writer (the JDK's XML serializer) writes as it is but for {@code & < >}:
     * no control character (C0, DEL, C1), no line or paragraph separator, nothing outside the Basic Multilingual
     * Plane (it writes those as character references); not empty (POI leaves an empty one out).
     */
    static boolean plainProperty(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                    || c >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the document: every part as in the resource, the properties and paragraphs written in, deflated at
     * {@code level} (POI's is {@link java.util.zip.Deflater#DEFAULT_COMPRESSION}).
     */
    void write(OutputStream out, String title, String creator, List<ReportText.Block> blocks, int level)
            throws IOException {
        ZipOutputStream z = new ZipOutputStream(out);
        z.setLevel(level);
        for (int i = 0; i < names.size(); i++) {
            ZipEntry entry = new ZipEntry(names.get(i));
            entry.setTime(StableZip.FIXED_MILLIS);
            z.putNextEntry(entry);
            switch (names.get(i)) {
                case CORE -> {
                    StringBuilder sb = new StringBuilder(coreStart);
                    escape(sb, creator, false);
                    sb.append(coreMiddle);
                    escape(sb, title, false);
                    z.write(sb.append(coreEnd).toString().getBytes(StandardCharsets.UTF_8));
                }
                case DOCUMENT -> {
                    z.write(documentStart.getBytes(StandardCharsets.UTF_8));
                    StringBuilder sb = new StringBuilder(1 << 16);
                    for (ReportText.Block b : blocks) {
                        paragraph(sb, b);
                        if (sb.length() >= 1 << 15) {
                            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                            sb.setLength(0);
                        }
                    }
                    z.write(sb.append(documentEnd).toString().getBytes(StandardCharsets.UTF_8));
                }
                default -> z.write(contents.get(i));
            }
            z.closeEntry();
        }
        z.finish();
    }

    private void paragraph(StringBuilder sb, ReportText.Block b) {
        // The index in KINDS: as ReportDocx.paragraph styles it, any level but 0, 1 and 2 is body text.
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
            escape(sb, s, true);
            sb.append("</w:t>");
        }
        sb.append(after[k]);
    }

    /**
     * {@code &} and {@code <} always; {@code >} as the writer does: xmlbeans (paragraphs) only where it would close
     * "]]>", the JDK's serializer (properties) always.
     */
    private static void escape(StringBuilder sb, String s, boolean xmlbeans) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                sb.append("&amp;");
            } else if (c == '<') {
                sb.append("&lt;");
            } else if (c == '>' && (!xmlbeans || i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']')) {
                sb.append("&gt;");
            } else {
                sb.append(c);
            }
        }
    }
}
