package org.kaoping.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A criterion: 考核内容, 考核办法及标准, 分值, and the rules that score it. */
public record Criterion(
        String id,
        String number,
        String content,
        String standard,
        BigDecimal points,
        String department,
        Applicability appliesTo,
        List<Part> parts,
        List<Rule> rules,
        List<String> notes) {

    public Criterion {
        parts = parts == null ? List.of() : List.copyOf(parts);
        rules = rules == null ? List.of() : List.copyOf(rules);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Optional<Part> part(String partId) {
        return parts.stream().filter(p -> p.id().equals(partId)).findFirst();
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** The most the criterion can score: its points plus what over-target and excess-ratio rules may add beyond them. */
    public BigDecimal ceiling() {
        BigDecimal base = points == null ? BigDecimal.ZERO : points;
        for (int i = 0; i < rules.size(); i++) { // asked of every score of every sheet: no iterator
            Rule r = rules.get(i);
            if (r instanceof Rule.OverTarget o) {
                base = base.add(o.bonusCap());
            } else if (r instanceof Rule.ExcessRatio x) {
                base = base.add(x.cap());
            }
        }
        return base;
    }
}
