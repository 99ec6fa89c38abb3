package org.kaoping.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One scoring rule of a criterion, from the closed set of kinds in rubrics/README.md.
 * Each kind is a record; {@link org.kaoping.score.RuleEffects} gives the effect of each kind,
 * and site-theme/js/kaoping-rules.js mirrors it kind by kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Rule.PerCount.class, name = "perCount"),
        @JsonSubTypes.Type(value = Rule.Zeroing.class, name = "zeroing"),
        @JsonSubTypes.Type(value = Rule.Discretionary.class, name = "discretionary"),
        @JsonSubTypes.Type(value = Rule.CompletionRatio.class, name = "completionRatio"),
        @JsonSubTypes.Type(value = Rule.Threshold.class, name = "threshold"),
        @JsonSubTypes.Type(value = Rule.Levels.class, name = "levels"),
        @JsonSubTypes.Type(value = Rule.AwardPerCount.class, name = "awardPerCount"),
        @JsonSubTypes.Type(value = Rule.Symmetric.class, name = "symmetric"),
        @JsonSubTypes.Type(value = Rule.OverTarget.class, name = "overTarget"),
        @JsonSubTypes.Type(value = Rule.Escalating.class, name = "escalating"),
        @JsonSubTypes.Type(value = Rule.ExcessRatio.class, name = "excessRatio"),
        @JsonSubTypes.Type(value = Rule.EarnPerCount.class, name = "earnPerCount"),
        @JsonSubTypes.Type(value = Rule.DiscretionaryEach.class, name = "discretionaryEach"),
        @JsonSubTypes.Type(value = Rule.DiscretionaryIf.class, name = "discretionaryIf"),
        @JsonSubTypes.Type(value = Rule.Direct.class, name = "direct"),
})
public sealed interface Rule {
    String id();

    String text();

    /** The part (sub-budget) the rule's deductions count against, or null. */
    String part();

    /** The veto that applies when this rule takes effect, or null. */
    String veto();

    List<String> notes();

    /** What a sheet gives for this rule. */
    InputType inputType();

    enum InputType { COUNT, FLAG, AMOUNT, LEVEL, COUNTS, AMOUNTS, VALUE_AMOUNT }

    /**
     * A rule measured against a target: one for all stations, one per value of a station attribute,
     * or one per station given in the period's data (the sheet's {@code targets}).
     */
    sealed interface Targeted extends Rule permits CompletionRatio, ExcessRatio {
        BigDecimal target();

        String attribute();

        Map<String, BigDecimal> targets();

        Boolean targetPerStation();

        default boolean perStation() {
            return Boolean.TRUE.equals(targetPerStation());
        }
    }

    /** −min(count × per, cap): 制度少一项扣 0.5 分. */
    record PerCount(String id, String text, String part, String veto, List<String> notes,
                    BigDecimal per, BigDecimal cap) implements Rule {
        public PerCount { notes = copy(notes); }
        public InputType inputType() { return InputType.COUNT; }
    }

    /** Score 0 when true: 本项不得分. */
    record Zeroing(String id, String text, String part, String veto, List<String> notes) implements Rule {
        public Zeroing { notes = copy(notes); }
        public InputType inputType() { return InputType.FLAG; }
    }

    /** −amount, amount 0 or within [min, max]: 酌情扣分, 扣 1-2 分. */
    record Discretionary(String id, String text, String part, String veto, List<String> notes,
                         BigDecimal min, BigDecimal max) implements Rule {
        public Discretionary { notes = copy(notes); }
        public InputType inputType() { return InputType.AMOUNT; }
    }

    /** −budget × (1 − achieved/target), target by station attribute: 根据未完成比例扣分. */
    record CompletionRatio(String id, String text, String part, String veto, List<String> notes,
                           BigDecimal target, String attribute, Map<String, BigDecimal> targets,
                           Boolean targetPerStation, BigDecimal budget, BigDecimal zeroBelow) implements Targeted {
        public CompletionRatio {
            notes = copy(notes);
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }
        public InputType inputType() { return InputType.AMOUNT; }
    }

    /**
     * When value &lt; atLeast (or value &gt; atMost): −deduct, or score 0:
     * 录入率低于 60% 的不得分; 重新犯罪率低于1.5%.
     */
    record Threshold(String id, String text, String part, String veto, List<String> notes,
                     BigDecimal atLeast, BigDecimal atMost, BigDecimal deduct, Boolean zero) implements Rule {
        public Threshold { notes = copy(notes); }
        public boolean zeroes() { return Boolean.TRUE.equals(zero); }
        public InputType inputType() { return InputType.AMOUNT; }
    }

    /** Sets the score of its scope to the chosen level's points: A/B/C/D 四档. */
    record Levels(String id, String text, String part, String veto, List<String> notes,
                  List<Level> levels) implements Rule {
        public Levels {
            notes = copy(notes);
            levels = List.copyOf(levels);
        }
        public InputType inputType() { return InputType.LEVEL; }
    }

    record Level(String code, String label, BigDecimal points) {
    }

    /** +min(count × per, cap): 每篇加0.1分…上限2分. */
    record AwardPerCount(String id, String text, String part, String veto, List<String> notes,
                         BigDecimal per, BigDecimal cap) implements Rule {
        public AwardPerCount { notes = copy(notes); }
        public InputType inputType() { return InputType.COUNT; }
    }

    /** (count − target) × per, each side limited by cap, within the criterion's points: 每增1篇加2分，每少1篇扣2分. */
    record Symmetric(String id, String text, String part, String veto, List<String> notes,
                     int target, BigDecimal per, BigDecimal cap) implements Rule {
        public Symmetric { notes = copy(notes); }
        public InputType inputType() { return InputType.COUNT; }
    }

    /** Like symmetric, but the award may take the criterion beyond its points, up to bonusCap: 最高加4分. */
    record OverTarget(String id, String text, String part, String veto, List<String> notes,
                      int target, BigDecimal per, BigDecimal bonusCap, BigDecimal cap) implements Rule {
        public OverTarget { notes = copy(notes); }
        public InputType inputType() { return InputType.COUNT; }
    }

    /** −Σ nᵢ × steps[i]: 第一次每人次扣1分，第二次每人次扣2分. */
    record Escalating(String id, String text, String part, String veto, List<String> notes,
                      List<BigDecimal> steps, BigDecimal cap) implements Rule {
        public Escalating {
            notes = copy(notes);
            steps = List.copyOf(steps);
        }
        public InputType inputType() { return InputType.COUNTS; }
    }

    /**
     * +min(per × (achieved − target) / target, cap), the mirror of completionRatio:
     * 超额完成目标任务，按超额比例加分，最高加 4 分. {@code per} is the award for an excess of the whole target.
     */
    record ExcessRatio(String id, String text, String part, String veto, List<String> notes,
                       BigDecimal target, String attribute, Map<String, BigDecimal> targets,
                       Boolean targetPerStation, BigDecimal per, BigDecimal cap) implements Targeted {
        public ExcessRatio {
            notes = copy(notes);
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }
        public InputType inputType() { return InputType.AMOUNT; }
    }

    /** Its scope starts at 0 and earns per count up to its points: 有一篇得 1 分，满分 5 分. */
    record EarnPerCount(String id, String text, String part, String veto, List<String> notes,
                        BigDecimal per, BigDecimal cap) implements Rule {
        public EarnPerCount { notes = copy(notes); }
        public InputType inputType() { return InputType.COUNT; }
    }

    /** −min(Σ amounts, cap), each occurrence's amount within [min, max]: 扣 1-4 分/人次. */
    record DiscretionaryEach(String id, String text, String part, String veto, List<String> notes,
                             BigDecimal min, BigDecimal max, BigDecimal cap) implements Rule {
        public DiscretionaryEach { notes = copy(notes); }
        public InputType inputType() { return InputType.AMOUNTS; }
    }

    /**
     * −amount within [min, max], allowed only when the value is below atLeast (or above atMost):
     * 超过 0.1% 的，视情扣 1-8 分.
     */
    record DiscretionaryIf(String id, String text, String part, String veto, List<String> notes,
                           BigDecimal atLeast, BigDecimal atMost, BigDecimal min, BigDecimal max) implements Rule {
        public DiscretionaryIf { notes = copy(notes); }
        public InputType inputType() { return InputType.VALUE_AMOUNT; }
    }

    /**
     * The score of its scope (its part, or the criterion) given directly by the assessor, beside
     * rules with inputs in the same criterion: 根据完成情况分四档计分.
     */
    record Direct(String id, String text, String part, String veto, List<String> notes) implements Rule {
        public Direct { notes = copy(notes); }
        public InputType inputType() { return InputType.AMOUNT; }
    }

    private static List<String> copy(List<String> notes) {
        return notes == null ? List.of() : List.copyOf(notes);
    }
}
