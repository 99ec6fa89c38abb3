package org.kaoping.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds sheets for tests: {@code SheetBuilder.of("lushan-2022").inputs("1.1", "rules", 1).build()}. */
public final class SheetBuilder {
    private final String rubric;
    private final Map<String, Sheet.Entry> criteria = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> vetoes = new ArrayList<>();

    private SheetBuilder(String rubric) {
        this.rubric = rubric;
    }

    public static SheetBuilder of(String rubric) {
        return new SheetBuilder(rubric);
    }

    /** Adds rule inputs to a criterion: pairs of rule id and value (Integer, String, Boolean, decimal String "1.5" as BigDecimal, List). */
    public SheetBuilder inputs(String criterion, Object... pairs) {
        Map<String, JsonNode> in = new LinkedHashMap<>();
        Sheet.Entry prev = criteria.get(criterion);
        if (prev != null) {
            in.putAll(prev.inputs());
        }
        for (int i = 0; i < pairs.length; i += 2) {
            in.put((String) pairs[i], StrictJson.mapper().valueToTree(pairs[i + 1]));
        }
        criteria.put(criterion, Sheet.Entry.ofInputs(in));
        return this;
    }

    public SheetBuilder score(String criterion, String value) {
        criteria.put(criterion, Sheet.Entry.ofScore(new BigDecimal(value)));
        return this;
    }

    public SheetBuilder notApplicable(String criterion) {
        criteria.put(criterion, new Sheet.Entry(null, null, true, null));
        return this;
    }

    public SheetBuilder attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public SheetBuilder veto(String id) {
        vetoes.add(id);
        return this;
    }

    public Sheet build() {
        return new Sheet(rubric, null, "test", null, null, null, attributes, criteria, vetoes, null, null, null, null);
    }

    public static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
