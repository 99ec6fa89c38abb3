package org.kaoping.score;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.SectionKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The effect of each rule kind on its input — one method per kind, mirrored by
 * site-theme/js/kaoping-rules.js. An absent input means "nothing found".
 */
final class RuleEffects {
    private final Rubric rubric;
    private final Map<String, String> attributes;

    RuleEffects(Rubric rubric, Map<String, String> attributes) {
        this.rubric = rubric;
        this.attributes = attributes;
    }

    RuleOutcome apply(Rule rule, Criterion criterion, SectionKind kind, RuleInput in) {
        if (in.absent()) {
            return RuleOutcome.none(rule.id());
        }
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (rule instanceof Rule.PerCount r) {
            return perCount(r, in);
        } else if (rule instanceof Rule.Zeroing r) {
            return zeroing(r, in);
        } else if (rule instanceof Rule.Discretionary r) {
            return discretionary(r, in);
        } else if (rule instanceof Rule.CompletionRatio r) {
            return completionRatio(r, criterion, in);
        } else if (rule instanceof Rule.Threshold r) {
            return threshold(r, in);
        } else if (rule instanceof Rule.Levels r) {
            return levels(r, criterion, kind, in);
        } else if (rule instanceof Rule.AwardPerCount r) {
            return awardPerCount(r, in);
        } else if (rule instanceof Rule.Symmetric r) {
            return aroundTarget(r.id(), r.target(), r.per(), r.cap(), r.cap(), in);
        } else if (rule instanceof Rule.OverTarget r) {
            return aroundTarget(r.id(), r.target(), r.per(), r.cap(), r.bonusCap(), in);
        } else if (rule instanceof Rule.Escalating r) {
            return escalating(r, in);
        }
        throw new IllegalStateException("unhandled rule kind " + rule.getClass().getSimpleName());
    }

    private RuleOutcome perCount(Rule.PerCount r, RuleInput in) {
        int n = in.count();
        BigDecimal d = capped(r.per().multiply(BigDecimal.valueOf(n)), r.cap());
        return deduction(r.id(), d, n + " × " + plain(r.per()) + capNote(r.per().multiply(BigDecimal.valueOf(n)), r.cap()));
    }

    private RuleOutcome zeroing(Rule.Zeroing r, RuleInput in) {
        boolean on = in.flag();
        return new RuleOutcome(r.id(), BigDecimal.ZERO, on, on, on ? "本项不得分" : "");
    }

    private RuleOutcome discretionary(Rule.Discretionary r, RuleInput in) {
        BigDecimal a = in.amount();
        if (a.signum() != 0 && (a.compareTo(r.min()) < 0 || a.compareTo(r.max()) > 0)) {
            throw new ScoreException(in.path(), "amountOutOfRange", "expected 0 or an amount from " + plain(r.min()) + " to "
                    + plain(r.max()) + ", found " + plain(a));
        }
        requireStep(a, in.path());
        return deduction(r.id(), a, plain(a) + " (酌情)");
    }

    private RuleOutcome completionRatio(Rule.CompletionRatio r, Criterion c, RuleInput in) {
        BigDecimal achieved = in.amount();
        BigDecimal target = targetOf(r, in.path());
        if (r.zeroBelow() != null && achieved.compareTo(r.zeroBelow().multiply(target)) < 0) {
            return new RuleOutcome(r.id(), BigDecimal.ZERO, true, true,
                    plain(achieved) + " / " + plain(target) + " < " + plain(r.zeroBelow().movePointRight(2)) + "%");
        }
        BigDecimal budget = budgetOf(r, c);
        BigDecimal shortfall = target.subtract(achieved.min(target));
        // The only division in criterion scoring: brought to the rubric's scale by its declared rounding.
        BigDecimal d = budget.multiply(shortfall).divide(target, rubric.scale(), rubric.rounding());
        return deduction(r.id(), d, plain(achieved) + " / " + plain(target));
    }

    private BigDecimal targetOf(Rule.CompletionRatio r, String path) {
        if (r.target() != null) {
            return r.target();
        }
        String value = attributes.get(r.attribute());
        if (value == null) {
            throw new ScoreException(path, "missingAttribute", "this rule's target depends on the station attribute \"" + r.attribute()
                    + "\" (" + String.join(", ", r.targets().keySet()) + "), which the sheet does not give");
        }
        BigDecimal t = r.targets().get(value);
        if (t == null) {
            throw new ScoreException(path, "unknownAttributeValue", "no target for " + r.attribute() + " = \"" + value + "\"; expected one of "
                    + String.join(", ", r.targets().keySet()));
        }
        return t;
    }

    private static BigDecimal budgetOf(Rule.CompletionRatio r, Criterion c) {
        if (r.budget() != null) {
            return r.budget();
        }
        if (r.part() != null) {
            return c.part(r.part()).orElseThrow().budget();
        }
        return c.points();
    }

    private RuleOutcome threshold(Rule.Threshold r, RuleInput in) {
        BigDecimal v = in.amount();
        String detail;
        if (r.atLeast() != null && v.compareTo(r.atLeast()) < 0) {
            detail = plain(v) + " < " + plain(r.atLeast());
        } else if (r.atMost() != null && v.compareTo(r.atMost()) > 0) {
            detail = plain(v) + " > " + plain(r.atMost());
        } else {
            return RuleOutcome.none(r.id());
        }
        if (r.zeroes()) {
            return new RuleOutcome(r.id(), BigDecimal.ZERO, true, true, detail);
        }
        return deduction(r.id(), r.deduct(), detail);
    }

    private RuleOutcome levels(Rule.Levels r, Criterion c, SectionKind kind, RuleInput in) {
        String code = in.level();
        Rule.Level level = r.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new ScoreException(in.path(), "unknownLevel", "unknown level \"" + code + "\"; expected one of "
                        + String.join(", ", r.levels().stream().map(Rule.Level::code).toList())));
        BigDecimal scope;
        if (r.part() != null) {
            scope = c.part(r.part()).orElseThrow().budget();
        } else {
            scope = kind == SectionKind.SCORE ? c.points() : BigDecimal.ZERO;
        }
        BigDecimal effect = level.points().subtract(scope);
        return new RuleOutcome(r.id(), effect, false, effect.signum() != 0, level.code() + " " + level.label());
    }

    private RuleOutcome awardPerCount(Rule.AwardPerCount r, RuleInput in) {
        int n = in.count();
        BigDecimal raw = r.per().multiply(BigDecimal.valueOf(n));
        BigDecimal a = capped(raw, r.cap());
        return new RuleOutcome(r.id(), a, false, n > 0, n + " × " + plain(r.per()) + capNote(raw, r.cap()));
    }

    private RuleOutcome aroundTarget(String id, int target, BigDecimal per, BigDecimal deductCap, BigDecimal awardCap,
                                     RuleInput in) {
        int n = in.count();
        int diff = n - target;
        BigDecimal raw = per.multiply(BigDecimal.valueOf(Math.abs(diff)));
        if (diff >= 0) {
            BigDecimal a = capped(raw, awardCap);
            return new RuleOutcome(id, a, false, diff > 0, n + " / " + target + capNote(raw, awardCap));
        }
        return deduction(id, capped(raw, deductCap), n + " / " + target + capNote(raw, deductCap));
    }

    private RuleOutcome escalating(Rule.Escalating r, RuleInput in) {
        List<Integer> counts = in.counts();
        if (counts.size() > r.steps().size()) {
            throw new ScoreException(in.path(), "tooManyCounts", "expected at most " + r.steps().size() + " counts (one per step), found "
                    + counts.size());
        }
        BigDecimal raw = BigDecimal.ZERO;
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < counts.size(); i++) {
            raw = raw.add(r.steps().get(i).multiply(BigDecimal.valueOf(counts.get(i))));
            if (counts.get(i) > 0) {
                detail.append(detail.length() == 0 ? "" : " + ").append(counts.get(i)).append(" × ").append(plain(r.steps().get(i)));
            }
        }
        return deduction(r.id(), capped(raw, r.cap()), detail + capNote(raw, r.cap()));
    }

    private void requireStep(BigDecimal v, String path) {
        BigDecimal step = rubric.effectiveStep();
        if (v.remainder(step).signum() != 0) {
            throw new ScoreException(path, "notMultipleOfStep", "expected a multiple of " + plain(step) + ", found " + plain(v));
        }
    }

    private static RuleOutcome deduction(String id, BigDecimal amount, String detail) {
        return new RuleOutcome(id, amount.negate(), false, amount.signum() != 0, amount.signum() != 0 ? detail : "");
    }

    static BigDecimal capped(BigDecimal v, BigDecimal cap) {
        return cap == null ? v : v.min(cap);
    }

    private static String capNote(BigDecimal raw, BigDecimal cap) {
        return cap != null && raw.compareTo(cap) > 0 ? ", capped at " + plain(cap) : "";
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
