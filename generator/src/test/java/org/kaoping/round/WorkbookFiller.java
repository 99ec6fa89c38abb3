package org.kaoping.round;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Fills cells of an .xlsx written by Kaoping the way a person typing into Excel would: the cell's
 * XML gets a value (a number, or an inline string), its style — and so its unlocked state — kept.
 * Cells are addressed by worksheet name and A1 reference.
 */
public final class WorkbookFiller {
    private static final Pattern SHEET = Pattern.compile("<sheet name=\"([^\"]+)\"");

    private WorkbookFiller() {
    }

    /** values: worksheet name → (A1 → a Number, or a String typed as text). */
    public static void fill(Path xlsx, Map<String, Map<String, Object>> values) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // ZipFile reads the central directory; fastexcel's streamed entries confuse ZipInputStream.
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        String workbook = new String(entries.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (Matcher m = SHEET.matcher(workbook); m.find(); ) {
            // fastexcel writes non-ASCII names as character references (&#x89c2;).
            names.add(Pattern.compile("&#x([0-9a-fA-F]+);").matcher(m.group(1))
                    .replaceAll(r -> new String(Character.toChars(Integer.parseInt(r.group(1), 16)))));
        }
        for (var sheet : values.entrySet()) {
            int index = names.indexOf(sheet.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("no worksheet " + sheet.getKey() + " in " + names);
            }
            String name = "xl/worksheets/sheet" + (index + 1) + ".xml";
            String xml = new String(entries.get(name), StandardCharsets.UTF_8);
            for (var cell : sheet.getValue().entrySet()) {
                xml = put(xml, cell.getKey(), cell.getValue());
            }
            entries.put(name, xml.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.write(xlsx, bytes.toByteArray());
    }

    private static String put(String xml, String ref, Object value) {
        Matcher m = Pattern.compile("<c r=\"" + ref + "\"( s=\"\\d+\")?[^>/]*(/>|>.*?</c>)").matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("no cell " + ref + " (only styled cells of the template can be filled)");
        }
        String style = m.group(1) == null ? "" : m.group(1);
        String cell = value instanceof Number n
                ? "<c r=\"" + ref + "\"" + style + "><v>" + n + "</v></c>"
                : "<c r=\"" + ref + "\"" + style + " t=\"inlineStr\"><is><t>" + escape(value.toString()) + "</t></is></c>";
        return xml.substring(0, m.start()) + cell + xml.substring(m.end());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
