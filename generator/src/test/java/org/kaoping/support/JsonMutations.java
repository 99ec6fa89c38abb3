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
}
