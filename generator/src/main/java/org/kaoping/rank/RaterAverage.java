package org.kaoping.rank;

import org.kaoping.model.Assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** 以局领导班子成员平均分值的60%…以局机关各科室负责人平均分值的40% (RULES 15). */
final class RaterAverage {
    private RaterAverage() {
    }

    static BigDecimal of(Assessment a, Map<String, List<String>> grades, String rp) {
        BigDecimal total = BigDecimal.ZERO;
        for (Assessment.RaterGroup g : a.raters().groups()) {
            List<String> given = grades.get(g.id());
            if (given == null || given.isEmpty()) {
                throw new PeriodException(rp + ".raters", "no grades from rater group \"" + g.id() + "\" (" + g.title() + ")");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String grade : given) {
                BigDecimal points = a.raters().grades().get(grade);
                if (points == null) {
                    throw new PeriodException(rp + ".raters." + g.id(), "unknown grade \"" + grade + "\"; expected one of "
                            + String.join(", ", a.raters().grades().keySet()));
                }
                sum = sum.add(points);
            }
            // The average is the one division here: rounded at the assessment's declared scale.
            BigDecimal average = sum.divide(BigDecimal.valueOf(given.size()), a.scale(), a.rounding());
            total = total.add(average.multiply(g.weight()));
        }
        return total.setScale(a.scale(), a.rounding());
    }
}
