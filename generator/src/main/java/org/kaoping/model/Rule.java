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

    enum InputType { COUNT, FLAG, AMOUNT, LEVEL, COUNTS }

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
                           BigDecimal budget, BigDecimal zeroBelow) implements Rule {
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

    private static List<String> copy(List<String> notes) {
        return notes == null ? List.of() : List.copyOf(notes);
    }
}
