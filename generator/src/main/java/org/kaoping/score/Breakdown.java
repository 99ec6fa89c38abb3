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
        sections = List.copyOf(sections);
        sheets = List.copyOf(sheets);
        vetoes = List.copyOf(vetoes);
    }

    public Optional<CriterionScore> criterion(String id) {
        for (SectionScore s : sections) {
            Optional<CriterionScore> c = KeyedList.find(s.criteria(), id, CriterionScore::id);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    public Optional<SectionScore> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
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
    }

    public record AppliedVeto(String id, VetoEffect effect, String source) {
    }
}
