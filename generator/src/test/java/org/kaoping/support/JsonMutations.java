package org.kaoping.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded structural edits of JSON trees, shared by the tests that hold a quick path to the schema validator. */
public final class JsonMutations {
    private JsonMutations() {
    }

    /** Every object and array in the tree, the root first: the places an edit can land. */
    public static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    /** One edit of an object: a key from {@code keys} added, an existing value replaced or removed, or a key renamed. */
    public static void editObject(ObjectNode o, SplittableRandom random, List<String> keys, JsonNode value) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        int op = random.nextInt(4);
        String key = keys.get(random.nextInt(keys.size()));
        if (op == 0 || names.isEmpty()) {
            o.set(key, value);
        } else {
            String existing = names.get(random.nextInt(names.size()));
            switch (op) {
                case 1 -> o.set(existing, value);
                case 2 -> o.remove(existing);
                default -> o.set(key, o.remove(existing));
            }
        }
    }

    /** One edit of a container: an object's as {@link #editObject}, an array's element added or replaced. */
    public static void edit(JsonNode target, SplittableRandom random, List<String> keys, JsonNode value) {
        if (target instanceof ObjectNode o) {
            editObject(o, random, keys, value);
        } else if (target instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            if (a.isEmpty() || random.nextBoolean()) {
                a.add(value);
            } else {
                a.set(random.nextInt(a.size()), value);
            }
        }
    }

    /**
     * Every shipped sheet (content/ and each example's content/), and the self-assessments too if asked, as trees
     * read by {@code reader}.
     */
    public static List<JsonNode> shippedSheets(com.fasterxml.jackson.databind.ObjectMapper reader, boolean selfAssessments)
            throws java.io.IOException {
        List<JsonNode> out = new ArrayList<>();
        List<java.nio.file.Path> roots = new ArrayList<>(List.of(java.nio.file.Path.of("content")));
        try (var ex = java.nio.file.Files.list(java.nio.file.Path.of("examples"))) {
            ex.map(p -> p.resolve("content")).forEach(roots::add);
        }
        List<String> folders = selfAssessments ? List.of("sheets", "self-assessments") : List.of("sheets");
        for (java.nio.file.Path root : roots) {
            for (String folder : folders) {
                java.nio.file.Path dir = root.resolve(folder);
                if (!java.nio.file.Files.isDirectory(dir)) {
                    continue;
                }
                try (var files = java.nio.file.Files.walk(dir)) {
                    for (var f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        out.add(reader.readTree(java.nio.file.Files.readString(f)));
                    }
                }
            }
        }
        return out;
    }
}
