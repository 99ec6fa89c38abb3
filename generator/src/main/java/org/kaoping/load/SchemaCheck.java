package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a file against one of Kaoping's JSON Schemas (draft 2020-12). The rubric schema is
 * rubrics/rubric.schema.json, copied into the jar at build time; the content schemas live
 * beside it in the jar. Findings carry line and column from the {@link JsonSource}.
 */
public final class SchemaCheck {
    public static final String RUBRIC = "rubric.schema.json";
    public static final String SHEET = "sheet.schema.json";
    public static final String PERIOD = "period.schema.json";
    public static final String STATIONS = "stations.schema.json";
    public static final String SITE = "site.schema.json";

    private static final String[] ALL = {RUBRIC, SHEET, PERIOD, STATIONS, SITE};
    private static final SchemaCheck INSTANCE = new SchemaCheck();

    /** The same schemas read by {@link QuickSchema}: a file it proves valid never starts the validator. */
    private final Map<String, QuickSchema> quick = new LinkedHashMap<>();

    private SchemaCheck() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String name : ALL) {
            try {
                documents.put("kaoping:" + name, StrictJson.mapper().readTree(resource(name)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("schema " + name + " in the jar is not JSON", e);
            }
        }
        for (String name : ALL) {
            quick.put(name, new QuickSchema(documents.get("kaoping:" + name), documents));
        }
    }

    /** The quick reading of a schema, for tests that hold it to the validator. */
    QuickSchema quick(String schemaName) {
        return quick.get(schemaName);
    }

    /** The validator with every schema, made when a file first needs it (a holder: made once, thread-safely). */
    private static final class Validators {
        static final Map<String, Schema> SCHEMAS = load();

        private static Map<String, Schema> load() {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String name : ALL) {
                texts.put("kaoping:" + name, resource(name));
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(texts));
            Map<String, Schema> schemas = new LinkedHashMap<>();
            for (String name : ALL) {
                Schema schema = registry.getSchema(com.networknt.schema.SchemaLocation.of("kaoping:" + name));
                // Load every validator now: validation then only reads the schema, and sheets validate in parallel.
                schema.initializeValidators();
                schemas.put(name, schema);
            }
            return schemas;
        }
    }

    public static SchemaCheck instance() {
        return INSTANCE;
    }

    public List<Diagnostic> check(JsonSource source, String schemaName) {
        if (schemaName.equals(SHEET) && SheetShape.conforms(source.tree())) {
            return List.of(); // certainly valid: the validator would find nothing (SheetShape)
        }
        if (quick.get(schemaName).certainlyValid(source.tree())) {
            return List.of(); // likewise (QuickSchema); anything else is worded by the validator
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Finding f : findings(source.tree(), schemaName)) {
            out.add(source.error(f.path(), f.path() + ": " + f.message()));
        }
        return out;
    }

    /** One schema violation: the JSON path of the value, the schema keyword it breaks (type, required…). */
    public record Finding(String path, String keyword, String message) {
    }

    /** The violations of a JSON tree, in the validator's order (the browser engine mirrors their paths). */
    public List<Finding> findings(JsonNode tree, String schemaName) {
        List<Finding> out = new ArrayList<>();
        for (Error e : Validators.SCHEMAS.get(schemaName).validate(tree)) {
            out.add(new Finding(toPath(e.getInstanceLocation()), e.getKeyword(), humanise(e)));
        }
        return out;
    }

    private static String humanise(Error e) {
        String m = e.getMessage();
        // The library prefixes the instance location; we print our own path.
        int colon = m.indexOf(": ");
        if (colon > 0 && m.startsWith("$")) {
            m = m.substring(colon + 2);
        }
        return m;
    }

    static String toPath(NodePath p) {
        String path = "$";
        for (int i = 0; i < p.getNameCount(); i++) {
            path = JsonPath.child(path, p.getElement(i));
        }
        return path;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/org/kaoping/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
