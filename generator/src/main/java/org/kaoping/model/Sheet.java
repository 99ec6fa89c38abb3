package org.kaoping.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scored sheet: a station assessed against one rubric. Also the self-check form's export.
 * Criterion entries give a score, rule inputs, or not-applicable (rubrics/README.md "Sheet format").
 */
public record Sheet(
        String rubric,
        String fingerprint,
        String station,
        String period,
        String unit,
        String date,
        Map<String, String> attributes,
        Map<String, Entry> criteria,
        List<String> vetoes,
        BigDecimal recordedTotal,
        Signatures signatures,
        List<Correction> corrections,
        List<String> notes,
        Map<String, BigDecimal> targets) {

    public Sheet {
        // Kept in file order (Map.copyOf would not), so anything listing them is deterministic; compact, with
        // equal entries shared between sheets (a province keeps 80,000 sheets of 47 entries: see Entry#shared).
        targets = targets == null ? CompactMap.copyOf(Map.of()) : CompactMap.copyOf(targets);
        attributes = attributes == null ? CompactMap.copyOf(Map.of()) : CompactMap.copyOf(attributes);
        criteria = criteria == null ? CompactMap.copyOf(Map.of())
                : criteria instanceof CompactMap ? criteria : CompactMap.copyOf(criteria, Entry::shared);
        rubric = sharedText(rubric);
        fingerprint = sharedText(fingerprint);
        station = sharedText(station);
        period = sharedText(period);
        unit = sharedText(unit);
        date = sharedText(date);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Short texts that repeat across sheets (rubric, period, station, dates, reasons), one instance each. */
    private static final Interner<String> TEXTS = new Interner<>(1 << 16);
    private static final int SHARED_TEXT_LENGTH = 200;

    static String sharedText(String s) {
        return s == null || s.length() > SHARED_TEXT_LENGTH ? s : TEXTS.intern(s);
    }

    /** A sheet without per-station targets. */
    public Sheet(String rubric, String fingerprint, String station, String period, String unit, String date,
                 Map<String, String> attributes, Map<String, Entry> criteria, List<String> vetoes,
                 BigDecimal recordedTotal, Signatures signatures, List<Correction> corrections, List<String> notes) {
        this(rubric, fingerprint, station, period, unit, date, attributes, criteria, vetoes, recordedTotal, signatures,
                corrections, notes, null);
    }

    /** The target this sheet's station has for a rule whose target is set per station, by "criterion/rule". */
    public static String targetKey(String criterionId, String ruleId) {
        return criterionId + "/" + ruleId;
    }

    /** The same sheet with these per-station targets ("criterion/rule" → target) where the sheet gives none. */
    public Sheet withTargets(Map<String, BigDecimal> stationTargets) {
        if (stationTargets.isEmpty()) {
            return this;
        }
        var merged = new LinkedHashMap<>(stationTargets);
        merged.putAll(targets);
        return new Sheet(rubric, fingerprint, station, period, unit, date, attributes, criteria, vetoes,
                recordedTotal, signatures, corrections, notes, merged);
    }

    /** The same sheet with these criterion entries in place of its own: a station page's "what if this were fixed". */
    public Sheet withEntries(Map<String, Entry> replaced) {
        var merged = new LinkedHashMap<>(criteria);
        merged.putAll(replaced);
        return new Sheet(rubric, fingerprint, station, period, unit, date, attributes, merged, vetoes,
                recordedTotal, signatures, corrections, notes, targets);
    }

    public Optional<Entry> entry(String criterionId) {
        return Optional.ofNullable(criteria.get(criterionId));
    }

    /** The same sheet for a station with these attributes (the registry's, where the sheet gives none). */
    public Sheet withAttributes(Map<String, String> stationAttributes) {
        var merged = new java.util.HashMap<>(stationAttributes);
        merged.putAll(attributes);
        return new Sheet(rubric, fingerprint, station, period, unit, date, merged, criteria, vetoes,
                recordedTotal, signatures, corrections, notes, targets);
    }

    /**
     * One criterion on the sheet. Inputs stay JSON nodes until scoring, where each rule kind
     * reads its own input type and reports a wrong one with the rule's name.
     */
    public record Entry(BigDecimal score, Map<String, JsonNode> inputs, Boolean notApplicable, String reason) {
        public Entry {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        }

        /**
         * Equal entries, one instance: most are "full marks, no reason" and alike across every station's sheet.
         * Only small ones (no inputs, a short reason) are shared, so the shared table's weight stays bounded.
         */
        private static final Interner<Entry> SHARED = new Interner<>(1 << 16);

        static Entry shared(Entry e) {
            if (e == null || !e.inputs().isEmpty()
                    || (e.reason() != null && e.reason().length() > SHARED_TEXT_LENGTH)) {
                return e;
            }
            String reason = sharedText(e.reason());
            return SHARED.intern(reason == e.reason() ? e : new Entry(e.score(), e.inputs(), e.notApplicable(), reason));
        }

        public boolean isNotApplicable() {
            return Boolean.TRUE.equals(notApplicable);
        }

        public static Entry ofScore(BigDecimal score) {
            return new Entry(score, null, null, null);
        }

        public static Entry ofInputs(Map<String, JsonNode> inputs) {
            return new Entry(null, inputs, null, null);
        }
    }

    public record Signatures(String unitHead, List<String> members, String leader) {
        public Signatures {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** A value changed from the source, with what was recorded and a quote (issue 3: corrections are data). */
    public record Correction(String criterion, BigDecimal recorded, BigDecimal corrected, String quote, String note) {
    }
}
