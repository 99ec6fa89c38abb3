package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A workbook's shared strings (xl/sharedStrings.xml): each distinct text once, cells refer to it by its index.
 * A province period's 480,000 rows repeat the same criteria, stations and reasons, so the file stays small.
 */
final class SharedStrings {
    private final HashMap<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    /** References made, as the sst element counts them. */
    private long count;

    /** The index of {@code s}, added if new. */
    int index(String s) {
        count++;
        Integer i = indexes.get(s);
        if (i == null) {
            i = strings.size();
            indexes.put(s, i);
            strings.add(s);
        }
        return i;
    }

    /** One more reference to the string at {@code index} (a text the worksheet knows it has met: {@link WorksheetXml}). */
    int again(int index) {
        count++;
        return index;
    }

    private static final byte[] SST = XmlBytes.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"");
    private static final byte[] SI = XmlBytes.ascii("<si><t xml:space=\"preserve\">");
    private static final byte[] SI_END = XmlBytes.ascii("</t></si>");

    void write(OutputStream out) throws IOException {
        XmlBytes xml = new XmlBytes(1 << 16);
        xml.add(SST).add(Long.toString(count)).add("\" uniqueCount=\"").add(strings.size()).add("\">");
        for (String s : strings) {
            xml.add(SI).text(s).add(SI_END);
            if (xml.length() > 1 << 15) {
                xml.moveTo(out);
            }
        }
        xml.add("</sst>").moveTo(out);
    }
}
