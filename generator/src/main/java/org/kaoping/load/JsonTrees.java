package org.kaoping.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON tree written as text through jackson-core's generator alone, node by node, with the calls Jackson's own
 * nodes make when an ObjectMapper writes them: the same text, without databind's serializer machinery (some 80
 * classes and its set-up, on the main thread of a county build). Decimals are written plainly, as written.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonTrees() {
    }

    /** The tree as compact text. */
    public static String compact(JsonNode tree) {
        return text(tree, null);
    }

    /** The tree as text laid out by this printer (a fresh one per call: printers count their nesting). */
    public static String text(JsonNode tree, PrettyPrinter printer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (printer != null) {
                g.setPrettyPrinter(printer);
            }
            write(tree, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(element, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> number(node, g);
            default -> throw new IllegalArgumentException("a JSON tree of Kaoping holds no " + type + " node");
        }
    }

    private static void number(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            case FLOAT -> g.writeNumber(node.floatValue());
        }
    }
}
