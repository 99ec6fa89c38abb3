package org.kaoping.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A rubric's sections as an immutable list (equality, order and JSON those of any list), with every criterion
 * indexed by id: scoring and pages ask a rubric for criteria by id for every entry of every sheet, and a scan
 * of all sections per question was a twentieth of a province build. The first criterion with an id wins, as
 * the scan in section order did (ids are unique in a valid rubric: RubricConsistency).
 */
final class IndexedSections extends AbstractList<Section> implements RandomAccess {
    private final List<Section> sections;
    private final Map<String, Criterion> byId;

    private IndexedSections(List<Section> sections) {
        this.sections = sections;
        Map<String, Criterion> index = new HashMap<>();
        for (Section s : sections) {
            for (Criterion c : s.criteria()) {
                index.putIfAbsent(c.id(), c);
            }
        }
        this.byId = index;
    }

    /** An immutable copy of {@code sections} (nulls refused, as {@link List#copyOf}), indexed. */
    static List<Section> of(List<Section> sections) {
        return sections instanceof IndexedSections i ? i : new IndexedSections(List.copyOf(sections));
    }

    /** The criterion with this id in any section, or null. */
    Criterion criterion(String id) {
        return byId.get(id);
    }

    @Override
    public Section get(int index) {
        return sections.get(index);
    }

    @Override
    public int size() {
        return sections.size();
    }
}
