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

    /**
     * Where each criterion id was last found: section index × 2^16 + position. Every breakdown of a rubric has
     * the rubric's shape, and pages look up every criterion of every breakdown (a quarter of a province
     * build's CPU went to these scans), so a position checked by id is almost always right; when it is not
     * (another rubric), the scan decides. A hint only, so sharing it between threads and builds is harmless.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> WHERE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int HINTS = 10_000;

    public Optional<CriterionScore> criterion(String id) {
        Integer hint = WHERE.get(id);
        if (hint != null) {
            int si = hint >>> 16;
            int ci = hint & 0xFFFF;
            if (si < sections.size()) {
                List<CriterionScore> list = sections.get(si).criteria();
                // Ids are unique within a rubric (RubricConsistency), so a hit here is the scan's answer too.
                if (ci < list.size() && list.get(ci).id().equals(id)) {
                    return Optional.of(list.get(ci));
                }
            }
        }
        for (int si = 0; si < sections.size(); si++) {
            List<CriterionScore> list = sections.get(si).criteria();
            if (list instanceof KeyedList) {
                Optional<CriterionScore> c = KeyedList.find(list, id, CriterionScore::id);
                if (c.isPresent()) {
                    return c;
                }
                continue;
            }
            for (int ci = 0; ci < list.size(); ci++) {
                if (list.get(ci).id().equals(id)) {
                    if (si < 0x8000 && ci < 0x10000 && WHERE.size() < HINTS) {
                        WHERE.put(id, si << 16 | ci);
                    }
                    return Optional.of(list.get(ci));
                }
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
