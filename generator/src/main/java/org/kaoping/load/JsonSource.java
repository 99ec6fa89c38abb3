package org.kaoping.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON file that remembers where each value stood, so that any later finding
 * (schema, binding, consistency, scoring) can name file, line and column.
 */
public final class JsonSource {
    private final Path file;
    private final JsonNode tree;
    private final Map<String, Location> locations;
    private final String text;

    /** Kaoping's inputs are small; a larger file is a mistake (or /dev/zero), not data. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_BYTES_INT = (int) MAX_BYTES;

    private JsonSource(Path file, JsonNode tree, Map<String, Location> locations, String text) {
        this.file = file;
        this.tree = tree;
        this.locations = locations;
        this.text = text;
    }

    /**
     * Reads a file the one way every input is read: a regular file (a dangling link, a folder, a
     * pipe or a device is refused by name, never opened), at most {@link #MAX_BYTES}, UTF-8 with or
     * without a byte order mark.
     */
    public static JsonSource read(Path file) throws LoadException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new LoadException(Diagnostic.error(file, Location.START, Files.isSymbolicLink(file)
                        && !Files.exists(file) ? "symbolic link to a file that does not exist"
                        : Files.exists(file) ? "not a regular file (a folder, pipe or device); Kaoping reads only "
                        + "regular files" : "no such file"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new LoadException(Diagnostic.error(file, Location.START, "file is " + size
                        + " bytes; Kaoping's input files are at most " + MAX_BYTES + " bytes"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoadException(Diagnostic.error(file, Location.START, "cannot read file: " + e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LoadException(Diagnostic.error(file, Location.START, "not UTF-8 text; save the file as UTF-8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(file, text);
    }

    public static JsonSource parse(Path file, String text) throws LoadException {
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser p = StrictJson.mapper().getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                var loc = p.currentTokenLocation();
                String problem = switch (t) {
                    case FIELD_NAME, VALUE_STRING -> TextRules.stringProblem(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> TextRules.numberProblem(p.getText());
                    default -> null;
                };
                String path = JsonPath.fromPointer(p.getParsingContext().pathAsPointer().toString());
                if (problem != null) {
                    throw new LoadException(Diagnostic.error(file, new Location(loc.getLineNr(), loc.getColumnNr()),
                            (t == JsonToken.FIELD_NAME ? path + ": key: " : path + ": ") + problem));
                }
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                locations.putIfAbsent(path, new Location(loc.getLineNr(), loc.getColumnNr()));
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            if (loc == null && e.getProcessor() instanceof JsonParser jp) {
                // Some limits (a number of thousands of digits) are reported without a location: the parser has one.
                loc = jp.currentLocation();
            }
            String at = e.getProcessor() instanceof JsonParser jp
                    ? JsonPath.fromPointer(jp.getParsingContext().pathAsPointer().toString()) : "$";
            throw new LoadException(Diagnostic.error(file, loc == null ? Location.START
                    : new Location(loc.getLineNr(), loc.getColumnNr()), at + ": " + syntaxMessage(e)));
        } catch (IOException e) {
            throw new LoadException(Diagnostic.error(file, Location.START, e.getMessage()));
        }
        JsonNode tree;
        try {
            tree = StrictJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new LoadException(Diagnostic.error(file, loc == null ? Location.START
                    : new Location(loc.getLineNr(), loc.getColumnNr()), syntaxMessage(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new LoadException(Diagnostic.error(file, Location.START, "empty file; expected a JSON object"));
        }
        return new JsonSource(file, tree, locations, text);
    }

    /** The file's text as decoded (without a byte order mark), for readers that need the numbers as written. */
    public String text() {
        return text;
    }

    public Path file() {
        return file;
    }

    public JsonNode tree() {
        return tree;
    }

    /** Where the value at this JSON path starts; falls back to its nearest located ancestor. */
    public Location locate(String jsonPath) {
        String p = jsonPath;
        while (true) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            String parent = JsonPath.parent(p);
            if (parent == null) {
                return Location.START;
            }
            p = parent;
        }
    }

    /** A finding at a JSON path: the message names the path unless it already starts with one. */
    public Diagnostic error(String jsonPath, String message) {
        return Diagnostic.error(file, locate(jsonPath), withPath(jsonPath, message));
    }

    public Diagnostic warning(String jsonPath, String message) {
        return Diagnostic.warning(file, locate(jsonPath), withPath(jsonPath, message));
    }

    private static String withPath(String jsonPath, String message) {
        return message.startsWith("$") || jsonPath.equals("$") ? message : jsonPath + ": " + message;
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m.startsWith("Duplicate field")) {
            return m.replace("Duplicate field", "duplicate key") + "; each key may appear once";
        }
        if (m.contains("Trailing token") || m.contains("trailing token")) {
            return "unexpected content after the end of the JSON value";
        }
        return "invalid JSON: " + m;
    }
}
