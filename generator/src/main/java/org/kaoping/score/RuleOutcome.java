package org.kaoping.score;

import java.math.BigDecimal;

/**
 * What one rule did on one sheet.
 *
 * @param ruleId  the rule
 * @param effect  signed change to the criterion (deduction &lt; 0, award &gt; 0), after the rule's own cap
 * @param zeroes  the rule sets the criterion to 0 (本项不得分)
 * @param fired   the rule took effect (used for vetoes and for writing 扣分原因)
 * @param detail  a short account, e.g. "3 × 0.5, capped at 1"
 */
public record RuleOutcome(String ruleId, BigDecimal effect, boolean zeroes, boolean fired, String detail) {
    static RuleOutcome none(String ruleId) {
        return new RuleOutcome(ruleId, BigDecimal.ZERO, false, false, "");
    }
}
