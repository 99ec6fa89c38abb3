package org.kaoping.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A rubric (考核细则): the criteria of one assessment regime, as data. See rubrics/README.md. */
public record Rubric(
        String id,
        String title,
        String issuer,
        String periodType,
        int year,
        BigDecimal total,
        int scale,
        RoundingMode rounding,
        BigDecimal step,
        Boolean partial,
        String source,
        Map<String, AttributeDefinition> attributes,
        List<CategorySheet> sheets,
        List<Section> sections,
        List<Veto> vetoes,
        Assessment assessment,
        List<String> notes,
        Predecessor predecessor) {

    public Rubric {
        partial = Boolean.TRUE.equals(partial);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        sections = IndexedSections.of(sections);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The smallest score increment: the declared step, or one unit in the last decimal place. */
    public BigDecimal effectiveStep() {
        return step != null ? step : BigDecimal.ONE.movePointLeft(scale);
    }

    /**
     * Whether {@code v} is a whole number of {@link #effectiveStep()}s. Without a declared step, any value with
     * at most the rubric's decimals is, and no division is needed (this is asked of every score of every sheet).
     */
    public boolean isMultipleOfStep(BigDecimal v) {
        if (step == null && v.scale() <= scale) {
            return true;
        }
        return Multiples.of(effectiveStep()).apply(v);
    }

    /** Whether values are whole multiples of a step, remembered per step (a rubric is a record: no field for it). */
    private static final class Multiples {
        private static final ConcurrentHashMap<BigDecimal, DecimalMemo<Boolean>> BY_STEP = new ConcurrentHashMap<>();

        static DecimalMemo<Boolean> of(BigDecimal step) {
            DecimalMemo<Boolean> memo = BY_STEP.get(step);
            if (memo != null) {
                return memo;
            }
            DecimalMemo<Boolean> made = new DecimalMemo<>(4_096, v -> v.remainder(step).signum() == 0);
            return BY_STEP.size() < 256 ? BY_STEP.computeIfAbsent(step, s -> made) : made;
        }
    }

    /** The criterion with this id in any section; by index, not a scan (see IndexedSections). */
    public Optional<Criterion> criterion(String criterionId) {
        return Optional.ofNullable(((IndexedSections) sections).criterion(criterionId));
    }

    public Optional<Veto> veto(String vetoId) {
        return vetoes.stream().filter(v -> v.id().equals(vetoId)).findFirst();
    }

    /**
     * The rubric this one replaces, and which of its criteria assess the same thing as one of ours
     * (our criterion id → its criterion id), so a station's sheets can be compared across the change.
     * A criterion not listed has no counterpart.
     */
    public record Predecessor(String rubric, Map<String, String> criteria) {
        public Predecessor {
            criteria = criteria == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criteria));
        }
    }

    public List<Criterion> allCriteria() {
        return sections.stream().flatMap(s -> s.criteria().stream()).toList();
    }
}
