package org.kaoping.model;

import java.math.BigDecimal;
import java.util.List;

/** A section (考核项目) of a rubric. */
public record Section(
        String id,
        String number,
        String title,
        SectionKind kind,
        BigDecimal points,
        BigDecimal cap,
        String sheet,
        List<HighestOnlyGroup> groups,
        List<Criterion> criteria,
        List<String> notes) {

    public Section {
        kind = kind == null ? SectionKind.SCORE : kind;
        groups = groups == null ? List.of() : List.copyOf(groups);
        criteria = KeyedList.of(criteria, Criterion::id);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
