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
 * The locations are worked out from the text when a finding first asks (most files have none), and
 * {@link #released()} lets a loaded file drop its tree: a province's 80,000 sheets would otherwise keep
 * a tree and a location table each, gigabytes, for the whole build.
 */
public final class JsonSource {
    private final Path file;
    /** The text as UTF-8, or null for a released file source, which reads its file again if asked. */
    private final byte[] utf8;
    private final boolean fromFile;
    /**
     * SHA-256 of the text as first read: a released source accepts a re-read only if it is the same text.
     * Worked out when the source is released (null until then): only a released source reads its file again.
     */
    private final byte[] digest;
    private volatile JsonNode tree;
    private volatile Map<String, Location> locations;

    /** Kaoping's inputs are small; a larger file is a mistake (or /dev/zero), not data. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_BYTES_INT = (int) MAX_BYTES;

    private JsonSource(Path file, byte[] utf8, boolean fromFile, byte[] digest, JsonNode tree) {
        this.file = file;
        this.utf8 = utf8;
        this.fromFile = fromFile;
        this.digest = digest;
        this.tree = tree;
    }

    /**
     * Reads a file the one way every input is read: a regular file (a dangling link, a folder, a
     * pipe or a device is refused by name, never opened), at most {@link #MAX_BYTES}, UTF-8 with or
     * without a byte order mark.
     */
    public static JsonSource read(Path file) throws LoadException {
        return read(file, bytes(file));
    }

    /** As {@link #read(Path)}, for the bytes {@link #bytes} read from the file. */
    static JsonSource read(Path file, byte[] bytes) throws LoadException {
        String text = decode(file, bytes);
        // The text without a byte order mark is the bytes after it: kept as read, not encoded again.
        JsonSource s = parse(file, text, withoutByteOrderMark(bytes));
        return new JsonSource(file, s.utf8, true, s.digest, s.tree);
    }

    /**
     * The source of a file whose value was bound straight from its tokens ({@link SheetTokens}): no tree, which
     * {@link #tree()} builds from the text should anyone ask; released, it keeps only the text's digest.
     *
     * @param utf8   the file's text as UTF-8, without a byte order mark
     * @param sha256 the text's SHA-256 if already known, or null
     */
    static JsonSource bound(Path file, byte[] utf8, byte[] sha256, boolean release) {
        return release ? new JsonSource(file, null, true, sha256 != null ? sha256 : sha256(utf8), null)
                : new JsonSource(file, utf8, true, null, null);
    }

    /** The bytes after a UTF-8 byte order mark, or the bytes themselves. */
    static byte[] withoutByteOrderMark(byte[] bytes) {
        return hasByteOrderMark(bytes) ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    private static String text(Path file) throws LoadException {
        return decode(file, bytes(file));
    }

    static byte[] bytes(Path file) throws LoadException {
        // One stat and one read per file where the obvious way takes seven system calls: a province reads 80,000.
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            attributes = null;
        }
        if (attributes == null || !attributes.isRegularFile()) {
            throw new LoadException(Diagnostic.error(file, Location.START, Files.isSymbolicLink(file)
                    && !Files.exists(file) ? "symbolic link to a file that does not exist"
                    : Files.exists(file) ? "not a regular file (a folder, pipe or device); Kaoping reads only "
                    + "regular files" : "no such file"));
        }
        long size = attributes.size();
        if (size > MAX_BYTES) {
            throw new LoadException(Diagnostic.error(file, Location.START, "file is " + size
                    + " bytes; Kaoping's input files are at most " + MAX_BYTES + " bytes"));
        }
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            // The file's size in one read, into the array returned (no second copy of 80,000 files), then a read of
            // one byte more, at the end of the file as it was: a file that grew since is noticed.
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && in.read(buffer) > 0) {
                // a short read: keep reading until the end of the file or the size
            }
            if (!buffer.hasRemaining() && in.read(ByteBuffer.allocate(1)) > 0) {
                // It grew since the stat (being written as it is read): read it whole, within the same bound.
                byte[] all = Files.readAllBytes(file);
                if (all.length > MAX_BYTES) {
                    throw new LoadException(Diagnostic.error(file, Location.START, "file is " + all.length
                            + " bytes; Kaoping's input files are at most " + MAX_BYTES + " bytes"));
                }
                return all;
            }
            return buffer.hasRemaining() ? java.util.Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        } catch (IOException e) {
            throw new LoadException(Diagnostic.error(file, Location.START, "cannot read file: " + e.getMessage()));
        }
    }

    /**
     * The text of UTF-8 bytes, without a byte order mark; malformed UTF-8 is refused. The JDK's own decoding
     * (one copy, no char buffer) replaces malformed input with U+FFFD, so only a text holding U+FFFD, which
     * valid text may also hold, goes through the strict decoder to tell which it was.
     */
    static String decode(Path file, byte[] bytes) throws LoadException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new LoadException(Diagnostic.error(file, Location.START, "not UTF-8 text; save the file as UTF-8"));
            }
        }
        return hasByteOrderMark(bytes) ? text.substring(1) : text;
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    public static JsonSource parse(Path file, String text) throws LoadException {
        return parse(file, text, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @param utf8 the text as UTF-8 */
    private static JsonSource parse(Path file, String text, byte[] utf8) throws LoadException {
        // The bounds on every string and number (TextRules) are checked while parsing, as always; only the
        // table of locations is left until a finding asks for it.
        JsonNode quick = checkedTree(text);
        if (quick != null) {
            return new JsonSource(file, utf8, false, null, quick);
        }
        return parseTwice(file, text);
    }

    /**
     * The long way, as every file was read before the one-pass read: the token pass (TextRules, syntax, in
     * document order), then the tree. It words whatever is wrong with the text.
     */
    static JsonSource parseTwice(Path file, String text) throws LoadException {
        scan(file, text, false);
        JsonNode tree;
        try {
            tree = StrictJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            locate(file, text); // throws with the JSON path where the syntax broke, when the token pass sees it
            var loc = e.getLocation();
            throw new LoadException(Diagnostic.error(file, loc == null ? Location.START
                    : new Location(loc.getLineNr(), loc.getColumnNr()), syntaxMessage(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new LoadException(Diagnostic.error(file, Location.START, "empty file; expected a JSON object"));
        }
        return new JsonSource(file, text.getBytes(StandardCharsets.UTF_8), false, null, tree);
    }

    /**
     * The tree of a text that is certainly fine, built in one pass whose every token passes TextRules as
     * {@link #scan} checks it; null at the first doubt (a bound broken, a syntax error, trailing content, an
     * empty text), and the caller reads the text the long way, which words the finding. A valid file is so
     * tokenised once, not twice.
     */
    private static JsonNode checkedTree(String text) {
        try (JsonParser p = new CheckedTokens(StrictJson.mapper().getFactory().createParser(text))) {
            JsonNode tree = StrictJson.mapper().readTree(p);
            return tree == null || tree.isMissingNode() || p.currentToken() != null || p.nextToken() != null
                    ? null : tree;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Tokens as {@link #scan} sees them: every key, string and number checked against TextRules. */
    static final class CheckedTokens extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        CheckedTokens(JsonParser p) {
            super(p);
        }

        /**
         * Keys found within bounds, by identity. The parser hands every occurrence of a key as one canonical instance
         * (Jackson's symbol table, shared by the parsers of a factory), and a province's 80,000 sheets repeat the same
         * hundred or so keys: checked once each instead of 8 million times. A slot written by another thread is a
         * key checked there; a slot lost to a race is checked again.
         */
        private static final String[] CHECKED_KEYS = new String[1 << 8];

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t != null) {
                String problem = switch (t) {
                    case FIELD_NAME -> keyProblem(delegate.currentName());
                    case VALUE_STRING -> TextRules.stringProblem(delegate.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> TextRules.numberProblem(delegate.getText());
                    default -> null;
                };
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
            }
            return t;
        }

        private static String keyProblem(String key) {
            int slot = key.hashCode() & (CHECKED_KEYS.length - 1);
            if (CHECKED_KEYS[slot] == key) {
                return null;
            }
            String problem = TextRules.stringProblem(key);
            if (problem == null) {
                CHECKED_KEYS[slot] = key;
            }
            return problem;
        }

        // The delegate would hand these to the wrapped parser unchecked: they go through nextToken instead.
        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() {
            throw new IllegalStateException("not expected while reading a tree");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return FileDigest.newSha256().digest(bytes);
    }

    /** Where every value of the text starts, by JSON path; a syntax error becomes a LoadException. */
    private static Map<String, Location> locate(Path file, String text) throws LoadException {
        return scan(file, text, true);
    }

    /**
     * One token pass: every key, string and number within TextRules' bounds (a LoadException otherwise),
     * and, when {@code record}, where every value starts by JSON path.
     */
    private static Map<String, Location> scan(Path file, String text, boolean record) throws LoadException {
        Map<String, Location> locations = record ? new HashMap<>() : null;
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
                if (problem == null && (!record || t == JsonToken.FIELD_NAME)) {
                    continue;
                }
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
        return locations;
    }

    /**
     * The same source without its tree in memory, nor its text when it came from a file: {@link #tree()}
     * and the locations of findings read the file again if asked (a finding is rare; a sheet is one of
     * tens of thousands). Should the file have changed meanwhile, a finding may point at the file's start.
     */
    public JsonSource released() {
        return new JsonSource(file, fromFile ? null : utf8, fromFile, digest != null ? digest : sha256(utf8), null);
    }

    /**
     * The text, from memory or from the file again through the same checked reader (regular file, size
     * limit, UTF-8, byte order mark, TextRules bounds); null when the file can no longer be read or is no
     * longer the text that was loaded.
     */
    private String currentText() {
        if (utf8 != null) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        try {
            String text = text(file);
            if (!java.security.MessageDigest.isEqual(digest, sha256(text.getBytes(StandardCharsets.UTF_8)))) {
                return null;
            }
            scan(file, text, false);
            return text;
        } catch (LoadException e) {
            return null;
        }
    }

    private Map<String, Location> locations() {
        Map<String, Location> l = locations;
        if (l == null) {
            String text = currentText();
            try {
                l = text == null ? Map.of() : locate(file, text);
            } catch (LoadException e) {
                l = Map.of(); // the file changed since it was loaded and no longer parses
            }
            locations = l;
        }
        return l;
    }

    /**
     * The file's text as decoded (without a byte order mark), for readers that need the numbers as written;
     * a released source reads it again and refuses a file that changed since it was loaded.
     */
    public String text() {
        String text = currentText();
        if (text == null) {
            throw new IllegalStateException(file + " changed or vanished while Kaoping was reading it");
        }
        return text;
    }

    public Path file() {
        return file;
    }

    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            String text = currentText();
            try {
                t = text == null ? null : StrictJson.mapper().readTree(text);
            } catch (IOException e) {
                t = null;
            }
            if (t == null) {
                throw new IllegalStateException(file + " changed or vanished while Kaoping was reading it");
            }
            tree = t;
        }
        return t;
    }

    /** Where the value at this JSON path starts; falls back to its nearest located ancestor. */
    public Location locate(String jsonPath) {
        String p = jsonPath;
        while (true) {
            Location l = locations().get(p);
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
