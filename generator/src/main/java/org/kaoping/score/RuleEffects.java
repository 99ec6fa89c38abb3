package org.kaoping.score;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;

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
    private final Map<String, BigDecimal> targets;

    RuleEffects(Rubric rubric, Map<String, String> attributes, Map<String, BigDecimal> targets) {
        this.rubric = rubric;
        this.attributes = attributes;
        this.targets = targets;
    }

    RuleOutcome apply(Rule rule, Criterion criterion, SectionKind kind, RuleInput in) {
        if (rule instanceof Rule.EarnPerCount r) {
            return earnPerCount(r, criterion, kind, in); // nothing found here means nothing earned
        }
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
        } else if (rule instanceof Rule.ExcessRatio r) {
            return excessRatio(r, criterion, in);
        } else if (rule instanceof Rule.DiscretionaryEach r) {
            return discretionaryEach(r, in);
        } else if (rule instanceof Rule.DiscretionaryIf r) {
            return discretionaryIf(r, in);
        } else if (rule instanceof Rule.Direct r) {
            return direct(r, criterion, kind, in);
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
        BigDecimal target = targetOf(r, c, in.path());
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

    private BigDecimal targetOf(Rule.Targeted r, Criterion c, String path) {
        if (r.target() != null) {
            return r.target();
        }
        if (r.perStation()) {
            BigDecimal t = targets.get(Sheet.targetKey(c.id(), r.id()));
            if (t == null || t.signum() <= 0) {
                throw new ScoreException(path, "missingStationTarget", "this rule's target is set per station (in the period's data, or the sheet's"
                        + " \"targets\" under \"" + Sheet.targetKey(c.id(), r.id()) + "\"), and "
                        + (t == null ? "none is given" : "it is " + plain(t) + ", not above 0"));
            }
            return t;
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

    private RuleOutcome excessRatio(Rule.ExcessRatio r, Criterion c, RuleInput in) {
        BigDecimal achieved = in.amount();
        BigDecimal target = targetOf(r, c, in.path());
        BigDecimal excess = achieved.subtract(target).max(BigDecimal.ZERO);
        // The mirror of completionRatio's division: the same scale and declared rounding.
        BigDecimal raw = r.per().multiply(excess).divide(target, rubric.scale(), rubric.rounding());
        BigDecimal a = capped(raw, r.cap());
        return new RuleOutcome(r.id(), a, false, a.signum() != 0,
                a.signum() != 0 ? plain(achieved) + " / " + plain(target) + capNote(raw, r.cap()) : "");
    }

    private RuleOutcome earnPerCount(Rule.EarnPerCount r, Criterion c, SectionKind kind, RuleInput in) {
        int n = in.absent() ? 0 : in.count();
        BigDecimal scope = scopeOf(r, c, kind);
        BigDecimal limit = capped(scope, r.cap());
        BigDecimal raw = r.per().multiply(BigDecimal.valueOf(n));
        BigDecimal effect = raw.min(limit).subtract(scope);
        return new RuleOutcome(r.id(), effect, false, effect.signum() != 0,
                effect.signum() != 0 ? n + " × " + plain(r.per()) + " / " + plain(scope) + capNote(raw, limit) : "");
    }

    private RuleOutcome discretionaryEach(Rule.DiscretionaryEach r, RuleInput in) {
        List<BigDecimal> amounts = in.amounts();
        BigDecimal sum = BigDecimal.ZERO;
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal a = amounts.get(i);
            String path = in.path() + "[" + i + "]";
            if (a.compareTo(r.min()) < 0 || a.compareTo(r.max()) > 0) {
                throw new ScoreException(path, "occurrenceOutOfRange", "expected an amount from " + plain(r.min()) + " to " + plain(r.max())
                        + " for each occurrence, found " + plain(a));
            }
            requireStep(a, path);
            sum = sum.add(a);
            detail.append(i == 0 ? "" : " + ").append(plain(a));
        }
        return deduction(r.id(), capped(sum, r.cap()), detail + " (酌情)" + capNote(sum, r.cap()));
    }

    private RuleOutcome discretionaryIf(Rule.DiscretionaryIf r, RuleInput in) {
        RuleInput.ValueAmount va = in.valueAmount();
        BigDecimal a = va.amount();
        if (a.signum() == 0) {
            return RuleOutcome.none(r.id());
        }
        String amountPath = in.path() + ".amount";
        String condition = r.atLeast() != null ? "below " + plain(r.atLeast()) : "above " + plain(r.atMost());
        if (va.value() == null) {
            throw new ScoreException(in.path() + ".value", "conditionValueMissing", "an amount is allowed only when the value is " + condition
                    + "; give the value");
        }
        BigDecimal v = va.value();
        boolean holds = r.atLeast() != null ? v.compareTo(r.atLeast()) < 0 : v.compareTo(r.atMost()) > 0;
        if (!holds) {
            throw new ScoreException(amountPath, "conditionNotMet", "an amount is allowed only when the value is " + condition
                    + ", but it is " + plain(v) + "; expected 0");
        }
        if (a.compareTo(r.min()) < 0 || a.compareTo(r.max()) > 0) {
            throw new ScoreException(amountPath, "amountOutOfRange", "expected 0 or an amount from " + plain(r.min()) + " to "
                    + plain(r.max()) + ", found " + plain(a));
        }
        requireStep(a, amountPath);
        return deduction(r.id(), a, plain(v) + (r.atLeast() != null ? " < " + plain(r.atLeast()) : " > "
                + plain(r.atMost())) + ", " + plain(a) + " (酌情)");
    }

    private RuleOutcome direct(Rule.Direct r, Criterion c, SectionKind kind, RuleInput in) {
        BigDecimal given = in.amount();
        BigDecimal scope = scopeOf(r, c, kind);
        if (given.compareTo(scope) > 0) {
            throw new ScoreException(in.path(), "partScoreOutOfRange", "expected a score from 0 to " + plain(scope) + ", found " + plain(given));
        }
        requireStep(given, in.path());
        BigDecimal effect = given.subtract(scope);
        return new RuleOutcome(r.id(), effect, false, effect.signum() != 0,
                effect.signum() != 0 ? plain(given) + " / " + plain(scope) : "");
    }

    /** What a rule that sets a score sets: its part's budget, or the points of a score criterion (as levels). */
    private static BigDecimal scopeOf(Rule r, Criterion c, SectionKind kind) {
        if (r.part() != null) {
            return c.part(r.part()).orElseThrow().budget();
        }
        return kind == SectionKind.SCORE ? c.points() : BigDecimal.ZERO;
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
