package org.kaoping.render;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.Audience;
import org.kaoping.load.JsonSource;
import org.kaoping.load.JsonTrees;
import org.kaoping.load.PrivateNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A rubric as the self-check form will read it: the source file's JSON tree, written again in one
 * fixed form (two-space indent, "\n" line ends, keys in source order, decimals as written, UTF-8
 * without escaping Chinese). Same input, same bytes.
 */
public final class RubricJson {
    /** Reads decimals as written: 2.0 stays 2.0 (the loader's tree strips it to 2). */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private RubricJson() {
    }

    /**
     * The rubric file's JSON tree, numbers exactly as written, from the text the loader read (one
     * reader for every file: the same bytes, the same byte-order-mark handling), private names
     * marked for the audience.
     */
    public static JsonNode read(JsonSource source, Audience audience) {
        try {
            return PrivateNames.apply(READER.readTree(source.text()), audience);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields of a rubric that are for the bureau, not for every station: assessor notes and the source document. */
    static final Set<String> INTERNAL_FIELDS = Set.of("notes");

    /**
     * The rubric as the public may download it: without {@code notes} at any depth and without the
     * top-level {@code source} (the internal document reference). Not a complete rubric file, which needs
     * a source: it is the form's data.
     */
    public static JsonNode publicView(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove("source");
        }
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(INTERNAL_FIELDS);
            o.forEach(RubricJson::strip);
        } else if (node.isArray()) {
            node.forEach(RubricJson::strip);
        }
    }

    public static byte[] bytes(JsonNode tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return (JsonTrees.text(tree, printer) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
