package org.kaoping.score;

import org.kaoping.model.KeyedList;
import org.kaoping.model.SectionKind;
import org.kaoping.model.VetoEffect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A scored sheet: each rule's effect, each criterion, section, bonus, penalty, total and veto,
 * in exact decimals at the rubric's scale. The form's JavaScript returns the same structure.
 */
public record Breakdown(
        String rubric,
        String station,
        List<SectionScore> sections,
        List<SheetSubtotal> sheets,
        BigDecimal base,
        BigDecimal bonus,
        BigDecimal penalty,
        BigDecimal total,
        BigDecimal maximum,
        List<AppliedVeto> vetoes) {

    public Breakdown {
        sections = ScoredSections.of(sections);
        sheets = List.copyOf(sheets);
        base = SharedDecimals.of(base);
        bonus = SharedDecimals.of(bonus);
        penalty = SharedDecimals.of(penalty);
        total = SharedDecimals.of(total);
        maximum = SharedDecimals.of(maximum);
        vetoes = List.copyOf(vetoes);
    }

    /** The criterion with this id in any section: one hash in an index shared by every breakdown of the rubric. */
    public Optional<CriterionScore> criterion(String id) {
        return Optional.ofNullable(((ScoredSections) sections).criterion(id));
    }

    public Optional<SectionScore> section(String id) {
        for (SectionScore s : sections) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean voided() {
        return vetoes.stream().anyMatch(v -> v.effect() == VetoEffect.VOID);
    }

    public record SectionScore(String id, SectionKind kind, BigDecimal score, BigDecimal maximum,
                               List<CriterionScore> criteria) {
        public SectionScore {
            criteria = KeyedList.of(criteria, CriterionScore::id);
            score = SharedDecimals.of(score);
            maximum = SharedDecimals.of(maximum);
        }
    }

    /**
     * Equal criterion and section scores, one instance: most criteria of most sheets score the same (full
     * marks, no reason), and a province keeps 80,000 breakdowns of 47 criteria in 15 sections. Shared only
     * when small (a short reason, few rules, a section of such criteria), so the table's weight is bounded.
     */
    private static final org.kaoping.model.Interner<CriterionScore> SHARED_CRITERIA =
            new org.kaoping.model.Interner<>(1 << 16);
    /** The sample province's 1.2 million section scores hold about 20,500 distinct ones (jmap, 10,000 × 8). */
    private static final org.kaoping.model.Interner<SectionKey> SHARED_SECTIONS =
            new org.kaoping.model.Interner<>(1 << 16);
    private static final int SHARED_TEXT_LENGTH = 200;
    private static final int SHARED_MAX_RULES = 16;

    static CriterionScore shared(CriterionScore c) {
        return small(c) ? SHARED_CRITERIA.intern(c) : c;
    }

    static SectionScore shared(SectionScore s) {
        if (s.criteria().size() > SHARED_MAX_RULES * 4) {
            return s;
        }
        for (CriterionScore c : s.criteria()) {
            if (!small(c)) {
                return s;
            }
        }
        return SHARED_SECTIONS.intern(new SectionKey(s)).section();
    }

    /**
     * A section score as the table of shared ones knows it: its criteria, shared themselves, compared by identity.
     * Equal keys hold equal sections; hashing every field of every criterion of every section was a fifth of
     * scoring a province. Equal criteria that are not the same instance (the criteria's table was full and started
     * again) only go unshared.
     */
    private record SectionKey(SectionScore section) {
        @Override
        public int hashCode() {
            int h = (java.util.Objects.hashCode(section.id()) * 31 + java.util.Objects.hashCode(section.kind())) * 31
                    + java.util.Objects.hashCode(section.score());
            h = h * 31 + java.util.Objects.hashCode(section.maximum()); // a section without a maximum has none
            for (CriterionScore c : section.criteria()) {
                h = h * 31 + System.identityHashCode(c);
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof SectionKey other)) {
                return false;
            }
            SectionScore a = section;
            SectionScore b = other.section;
            if (!java.util.Objects.equals(a.id(), b.id()) || a.kind() != b.kind()
                    || !java.util.Objects.equals(a.score(), b.score()) || !java.util.Objects.equals(a.maximum(), b.maximum())
                    || a.criteria().size() != b.criteria().size()) {
                return false;
            }
            for (int i = 0; i < a.criteria().size(); i++) {
                if (a.criteria().get(i) != b.criteria().get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean small(CriterionScore c) {
        if (c.reason() != null && c.reason().length() > SHARED_TEXT_LENGTH || c.rules().size() > SHARED_MAX_RULES
                || c.parts().size() > SHARED_MAX_RULES) {
            return false;
        }
        for (RuleOutcome o : c.rules()) {
            if (o.detail() != null && o.detail().length() > SHARED_TEXT_LENGTH) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param status   how the score was reached
     * @param maximum  the criterion's points (0 when not applicable)
     * @param rules    each rule's outcome (inputs only)
     * @param parts    per part, the deductions given back because the part's budget was exhausted
     */
    public record CriterionScore(String id, String number, Status status, BigDecimal score, BigDecimal maximum,
                                 List<RuleOutcome> rules, List<PartLimit> parts, String reason) {
        public CriterionScore {
            score = SharedDecimals.of(score);
            maximum = SharedDecimals.of(maximum);
            rules = List.copyOf(rules);
            parts = List.copyOf(parts);
        }
    }

    public enum Status {
        /** Score written directly on the sheet. */
        GIVEN,
        /** Computed from rule inputs. */
        FROM_INPUTS,
        /** No entry on the sheet: scored as if nothing was found. */
        NOT_RECORDED,
        NOT_APPLICABLE,
        /** In a highest-only group where another criterion scored higher. */
        SUPERSEDED
    }

    /** A part whose rules deducted more than its budget: {@code returned} is given back. */
    public record PartLimit(String partId, BigDecimal deducted, BigDecimal budget, BigDecimal returned) {
    }

    public record SheetSubtotal(String id, BigDecimal score, BigDecimal maximum) {
        public SheetSubtotal {
            score = SharedDecimals.of(score);
            maximum = SharedDecimals.of(maximum);
        }
    }

    public record AppliedVeto(String id, VetoEffect effect, String source) {
    }
}
