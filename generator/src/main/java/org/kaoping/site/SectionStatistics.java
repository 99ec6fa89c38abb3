package org.kaoping.site;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.math.BigDecimal;
import java.util.List;

/**
 * Mean, median, minimum, maximum and standard deviation of one figure across a period's stations,
 * shown to two decimals. Computed with Commons Math; the methodology page names the definitions:
 * the sample standard deviation (divisor n − 1) and the median of {@link Median} (Commons Math's
 * default percentile estimation, which for the median is the middle value or the mean of the two).
 *
 * @param label   what the row describes, e.g. "一 所务管理"
 * @param maximum the points available ("" when not meaningful)
 * @param count   how many values
 */
public record SectionStatistics(String label, String maximum, int count, String mean, String median,
                                String min, String max, String standardDeviation) {

    /** Decimals shown for statistics (the figures themselves have at most two). */
    public static final int PLACES = 2;

    public static SectionStatistics of(String label, String maximum, List<BigDecimal> values) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        values.forEach(v -> d.addValue(v.doubleValue()));
        if (values.isEmpty()) {
            return new SectionStatistics(label, maximum, 0, "—", "—", "—", "—", "—");
        }
        double median = new Median().evaluate(d.getValues());
        // One value has no spread to speak of: show a dash rather than a misleading 0.
        String sd = values.size() < 2 ? "—" : Numbers.statistic(d.getStandardDeviation(), PLACES);
        return new SectionStatistics(label, maximum, values.size(), Numbers.statistic(d.getMean(), PLACES),
                Numbers.statistic(median, PLACES), Numbers.plain(min(values)), Numbers.plain(max(values)), sd);
    }

    // Minimum and maximum are exact figures from the data: taken from the decimals, not the doubles.
    private static BigDecimal min(List<BigDecimal> v) {
        return v.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    private static BigDecimal max(List<BigDecimal> v) {
        return v.stream().max(BigDecimal::compareTo).orElseThrow();
    }
}
