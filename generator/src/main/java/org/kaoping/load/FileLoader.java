package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.model.Period;
import org.kaoping.model.Sheet;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads one JSON file: syntax, then schema, then binding to its record type (a sheet or period certainly fine in one pass). */
public final class FileLoader {
    private FileLoader() {
    }

    /** Loads the file for the public, adding every finding to {@code sink}; returns null when it has errors. */
    public static <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink) {
        return load(file, schema, type, sink, Audience.PUBLIC);
    }

    /**
     * Loads the file, adding every finding to {@code sink}; returns null when it has errors. Private
     * names ({@link PrivateNames}) are replaced for the audience before the value is built.
     */
    public static <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience) {
        return load(file, schema, type, sink, audience, false);
    }

    /**
     * As {@link #load(Path, String, Class, List, Audience)}; with {@code release} the loaded value keeps a
     * released source (for sheets: a province has tens of thousands, and their trees would be gigabytes).
     */
    public static <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                                     boolean release) {
        return load(file, schema, type, sink, audience, release, digest -> { });
    }

    /**
     * As {@link #load(Path, String, Class, List, Audience, boolean)}, handing {@code read} the length and SHA-256 of
     * the bytes read (whatever they hold) once they are read; not called when the file could not be read.
     */
    public static <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                                     boolean release, Consumer<FileDigest> read) {
        byte[] bytes;
        try {
            bytes = JsonSource.bytes(file);
        } catch (LoadException e) {
            sink.addAll(e.diagnostics());
            return null;
        }
        FileDigest digest = FileDigest.of(bytes);
        read.accept(digest);
        boolean sheet = type == Sheet.class && schema.equals(SchemaCheck.SHEET);
        if (sheet || type == Period.class && schema.equals(SchemaCheck.PERIOD)) {
            // Nearly every sheet and period is certainly fine, and is bound in one pass over its bytes, as the long
            // way would bind it; anything in doubt is read the long way, which words the findings.
            byte[] utf8 = JsonSource.withoutByteOrderMark(bytes);
            Object value = sheet ? SheetTokens.read(utf8) : PeriodTokens.read(utf8);
            if (value != null) {
                // The file's digest is its text's too when it has no byte order mark (nearly always): not worked out twice.
                return new Loaded<>(type.cast(value), JsonSource.bound(file, utf8, utf8 == bytes ? digest.sha256() : null,
                        release));
            }
        }
        return loadInFull(file, bytes, schema, type, sink, audience, release, false);
    }

    /** The long way, for any file: as {@link #load(Path, String, Class, List, Audience, boolean)} without {@link TokenBinding}. */
    static <T> Loaded<T> loadInFull(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                                    boolean release) {
        return loadInFull(file, schema, type, sink, audience, release, false);
    }

    /** As above; with {@code mapperOnly} the tree is bound by the mapper alone, never by {@link TreeBinding} (tests). */
    static <T> Loaded<T> loadInFull(Path file, String schema, Class<T> type, List<Diagnostic> sink, Audience audience,
                                    boolean release, boolean mapperOnly) {
        try {
            return loadInFull(file, JsonSource.bytes(file), schema, type, sink, audience, release, mapperOnly);
        } catch (LoadException e) {
            sink.addAll(e.diagnostics());
            return null;
        }
    }

    private static <T> Loaded<T> loadInFull(Path file, byte[] bytes, String schema, Class<T> type, List<Diagnostic> sink,
                                            Audience audience, boolean release, boolean mapperOnly) {
        JsonSource source;
        try {
            source = JsonSource.read(file, bytes);
        } catch (LoadException e) {
            sink.addAll(e.diagnostics());
            return null;
        }
        List<Diagnostic> schemaFindings = SchemaCheck.instance().check(source, schema);
        if (!schemaFindings.isEmpty()) {
            sink.addAll(schemaFindings);
            return null;
        }
        List<Diagnostic> privacy = PrivateNames.check(source);
        sink.addAll(privacy);
        if (privacy.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        try {
            T value = bind(PrivateNames.apply(source.tree(), audience), type, mapperOnly);
            // A released source keeps no tree (nor, for a file, its text): it reads the file again, through
            // the same checked reader, should a finding ask for a location (see JsonSource#released).
            return new Loaded<>(value, release ? source.released() : source);
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
        } catch (ArithmeticException e) {
            sink.add(source.error("$", "a number is out of range: " + e.getMessage()));
            return null;
        }
    }

    /** The tree as its record, by {@link TreeBinding} when it is certainly fine, else by the mapper, which words why not. */
    private static <T> T bind(JsonNode tree, Class<T> type, boolean mapperOnly)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        T value = mapperOnly ? null : TreeBinding.bind(tree, type);
        return value != null ? value : StrictJson.mapper().treeToValue(tree, type);
    }

    private static String pathOf(JsonMappingException e) {
        String path = "$";
        for (JsonMappingException.Reference r : e.getPath()) {
            path = r.getFieldName() != null ? JsonPath.child(path, r.getFieldName()) : JsonPath.child(path, r.getIndex());
        }
        return path;
    }
}
