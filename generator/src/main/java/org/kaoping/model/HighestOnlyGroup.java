package org.kaoping.model;

import java.util.List;

/** Criteria of which only the highest counts: 同一加分项多级加分的，以最高计分标准加分 (RULES 11). */
public record HighestOnlyGroup(String id, String title, List<String> criteria, String mode) {
    public HighestOnlyGroup {
        criteria = List.copyOf(criteria);
    }
}
