package org.kaoping.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * A rubric file's JSON tree as written, for the self-check form and the rubric's download: numbers exactly as
 * written, private names marked for the audience, and the public view without what is for the bureau only.
 * {@code render/RubricJson} writes such a tree out.
 */
public final class RubricTree {
    /** Reads decimals as written: 2.0 stays 2.0 (the loader's tree strips it to 2). */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Fields of a rubric that are for the bureau, not for every station: assessor notes and the source document. */
    static final Set<String> INTERNAL_FIELDS = Set.of("notes");

    private RubricTree() {
    }

    /**
     * The rubric file's JSON tree, numbers exactly as written, from the text the loader read (one reader for every
     * file: the same bytes, the same byte-order-mark handling), private names marked for the audience.
     */
    public static JsonNode read(JsonSource source, Audience audience) {
        try {
            return PrivateNames.apply(READER.readTree(source.text()), audience);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rubric as the public may download it: without {@code notes} at any depth and without the top-level
     * {@code source} (the internal document reference). Not a complete rubric file, which needs a source: it is the
     * form's data.
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
            o.forEach(RubricTree::strip);
        } else if (node.isArray()) {
            node.forEach(RubricTree::strip);
        }
    }
}
