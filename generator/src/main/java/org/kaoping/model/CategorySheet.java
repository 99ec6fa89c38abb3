package org.kaoping.model;

import java.math.BigDecimal;
import java.util.List;

/** One category sheet of a rubric that assesses a unit on several sheets (RULES 17). */
public record CategorySheet(String id, String title, BigDecimal points, String unitType, List<String> notes) {
    public CategorySheet {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
