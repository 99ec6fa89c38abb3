package org.kaoping.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.StrictJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes content JSON the way the shipped files are laid out (two-space indent, one
 * value a line, numbers exactly as decimals: 10, not 1E+1), so an import's diff shows only what changed.
 */
public final class ContentJson {
    private static final ObjectWriter WRITER = StrictJson.mapper().writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("").withObjectEmptySeparator("")))
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ContentJson() {
    }

    public static ObjectNode read(Path file) throws IOException {
        JsonNode n = StrictJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (!(n instanceof ObjectNode o)) {
            throw new IOException(file + ": expected a JSON object");
        }
        return o;
    }

    public static byte[] bytes(JsonNode tree) {
        try {
            return (WRITER.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes beside the target and moves into place, so a reader never sees half a file. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".kaoping-tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
