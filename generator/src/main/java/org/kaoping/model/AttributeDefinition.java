package org.kaoping.model;

import java.util.Map;

/** A station attribute a rubric depends on, e.g. size class 所别 with values 大所/小所. */
public record AttributeDefinition(String title, Map<String, String> values) {
    public AttributeDefinition {
        values = Map.copyOf(values);
    }
}
