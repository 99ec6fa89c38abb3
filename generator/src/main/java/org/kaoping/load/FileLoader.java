package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.nio.file.Path;
import java.util.List;

/** Reads one JSON file: syntax, then schema, then binding to its record type. */
public final class FileLoader {
    private FileLoader() {
    }

    /** Loads the file, adding every finding to {@code sink}; returns null when it has errors. */
    public static <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink) {
        JsonSource source;
        try {
            source = JsonSource.read(file);
        } catch (LoadException e) {
            sink.addAll(e.diagnostics());
            return null;
        }
        List<Diagnostic> schemaFindings = SchemaCheck.instance().check(source, schema);
        if (!schemaFindings.isEmpty()) {
            sink.addAll(schemaFindings);
            return null;
        }
        try {
            // The bound value is what the pipeline reads; the source keeps only its text, for locations.
            return new Loaded<>(StrictJson.mapper().treeToValue(source.tree(), type), source.released());
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            sink.add(source.error(path, path + ": " + e.getOriginalMessage()));
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.add(source.error("$", e.getOriginalMessage()));
            return null;
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record constructor rejected the value (e.g. a required list missing).
            sink.add(source.error("$", "cannot read " + type.getSimpleName() + ": " + e.getMessage()));
            return null;
        }
    }

    private static String pathOf(JsonMappingException e) {
        String path = "$";
        for (JsonMappingException.Reference r : e.getPath()) {
            path = r.getFieldName() != null ? JsonPath.child(path, r.getFieldName()) : JsonPath.child(path, r.getIndex());
        }
        return path;
    }
}
