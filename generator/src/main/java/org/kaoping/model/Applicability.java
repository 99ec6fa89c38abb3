package org.kaoping.model;

import java.util.List;
import java.util.Map;

/** A criterion applies only to stations whose attribute has one of these values (RULES 20). */
public record Applicability(String attribute, List<String> values) {
    public Applicability {
        values = List.copyOf(values);
    }

    /** Unknown attribute values count as applicable: absence of data must not silently drop a criterion. */
    public boolean appliesTo(Map<String, String> stationAttributes) {
        String value = stationAttributes.get(attribute);
        return value == null || values.contains(value);
    }
}
