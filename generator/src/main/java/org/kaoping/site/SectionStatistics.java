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

    /**
     * Fewer values than this get no mean, median or standard deviation (a dash), and a period with
     * fewer complete sheets gets no per-section statistics or most-deducted list: one sheet's
     * 失分最多 1/1 says nothing about the stations.
     */
    public static final int MIN_SAMPLE = 5;

    /** @param scale the decimals the figures are declared with: minimum and maximum are shown so (92.00) */
    public static SectionStatistics of(String label, String maximum, List<BigDecimal> values, int scale) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        values.forEach(v -> d.addValue(v.doubleValue()));
        if (values.isEmpty()) {
            return new SectionStatistics(label, maximum, 0, "—", "—", "—", "—", "—");
        }
        if (values.size() < MIN_SAMPLE) {
            return new SectionStatistics(label, maximum, values.size(), "—", "—", Numbers.fixed(min(values), scale),
                    Numbers.fixed(max(values), scale), "—");
        }
        double median = new Median().evaluate(d.getValues());
        // One value has no spread to speak of: show a dash rather than a misleading 0.
        String sd = Numbers.statistic(d.getStandardDeviation(), PLACES);
        return new SectionStatistics(label, maximum, values.size(), Numbers.statistic(d.getMean(), PLACES),
                Numbers.statistic(median, PLACES), Numbers.fixed(min(values), scale), Numbers.fixed(max(values), scale), sd);
    }

    // Minimum and maximum are exact figures from the data: taken from the decimals, not the doubles.
    private static BigDecimal min(List<BigDecimal> v) {
        return v.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    private static BigDecimal max(List<BigDecimal> v) {
        return v.stream().max(BigDecimal::compareTo).orElseThrow();
    }
}
