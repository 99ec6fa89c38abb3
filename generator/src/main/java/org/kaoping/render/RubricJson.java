package org.kaoping.render;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.JsonTrees;

import java.nio.charset.StandardCharsets;

/**
 * A rubric's tree ({@code load/RubricTree}) as the self-check form will read it: written again in one fixed form
 * (two-space indent, "\n" line ends, keys in source order, decimals as written, UTF-8 without escaping Chinese).
 * Same input, same bytes.
 */
public final class RubricJson {
    private RubricJson() {
    }

    public static byte[] bytes(JsonNode tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return (JsonTrees.text(tree, printer) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
