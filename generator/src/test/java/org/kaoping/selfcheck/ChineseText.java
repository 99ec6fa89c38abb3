package org.kaoping.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.StrictJson;
import org.kaoping.support.Shipped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that what a page or the form shows is Chinese: the Latin-letter words in a visible text, less those
 * that may stand there (versions, file names, units, and the sources' own wording).
 */
final class ChineseText {
    /** A Latin-letter word; what may stand in Chinese text is removed first (see {@link #latinWords}). */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    /**
     * Latin words the sources themselves print inside Chinese text (a product name such as JiPad, the
     * anonymised "XX区"): quoted source wording, not the site's. Collected from the rubrics' Chinese
     * strings, so an id (never inside a Chinese string) is still caught.
     */
    static final Set<String> SOURCE_WORDS = sourceWords();

    private static Set<String> sourceWords() {
        Set<String> out = new HashSet<>();
        for (String id : Shipped.allRubrics().keySet()) {
            try {
                collect(StrictJson.mapper().readTree(Files.readString(Shipped.rubricFile(id))), "", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Latin words of the printed wording only: titles, contents, standards, rule texts (not notes, not ids). */
    private static void collect(JsonNode n, String key, Set<String> out) {
        if (n.isTextual() && List.of("title", "content", "standard", "text", "issuer", "label").contains(key)) {
            Matcher w = LATIN.matcher(n.asText());
            while (w.find()) {
                out.add(w.group());
            }
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), out));
        } else if (n.isArray() && !key.equals("notes")) {
            n.forEach(c -> collect(c, key, out));
        }
    }

    /**
     * Latin words in what a page shows. Allowed and removed first: the data version (hex digits), file
     * names with their extension (.json, .docx, .xlsx, .txt, .csv), units (KB, MB), and {@link #SOURCE_WORDS}.
     */
    static List<String> latinWords(String visible) {
        String t = visible.replaceAll("\\b[0-9a-f]{12,64}\\b", " ")
                .replaceAll("[\\w.-]*\\.(json|docx|xlsx|txt|csv)\\b", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\s?(KB|MB)\\b", " ");
        List<String> out = new ArrayList<>();
        Matcher m = LATIN.matcher(t);
        while (m.find()) {
            if (SOURCE_WORDS.contains(m.group())) {
                continue;
            }
            int from = Math.max(0, m.start() - 20);
            out.add(m.group() + " in …" + t.substring(from, Math.min(t.length(), m.end() + 20)).replace('\n', ' ') + "…");
        }
        return out;
    }

    private ChineseText() {
    }
}
