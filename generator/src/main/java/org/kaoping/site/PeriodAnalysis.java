package org.kaoping.site;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the period page adds for analysis: the report and the downloads, the criteria that cost the most
 * points in all, and how the spread of totals compares with the previous period.
 *
 * @param costliest    the criteria with the most points lost over all sheets, most first
 * @param spread       this period's and the previous period's spread of totals (one row when there is none)
 * @param spreadWords  the comparison in a sentence, or ""
 * @param sheetsOnStationPages the downloads list no sheet per station (a paged period): each station's sheets
 *                             are one .csv linked from its page
 */
public record PeriodAnalysis(Link report, List<Link> downloads, List<Costly> costliest, int sheets,
                             List<Spread> spread, String spreadWords, boolean sheetsOnStationPages) {

    private static final java.util.regex.Pattern CONTENT_END = java.util.regex.Pattern.compile("[。；;]+$");

    /** How many criteria the "cost the most points" list names. */
    static final int COSTLIEST = 5;

    public PeriodAnalysis {
        downloads = List.copyOf(downloads);
        costliest = List.copyOf(costliest);
        spread = List.copyOf(spread);
    }

    public int costliestCount() {
        return costliest.size();
    }

    public boolean hasCostliest() {
        return !costliest.isEmpty();
    }

    /** A criterion in the "most points lost" sentence; {@code separator} follows it ("；" or ""). */
    public record Costly(String number, String content, String href, int stations, String totalLost,
                         String separator) {
    }

    /** The spread of one period's totals. {@code count} is the sample size. */
    public record Spread(String period, String href, int count, String min, String max, String range,
                         String standardDeviation) {
    }

    /**
     * @param sheets   how many scored sheets the period has
     * @param deducted the period's {@link DeductedCriterion}s (every one, in their order), tallied once per period
     */
    static PeriodAnalysis of(ScoredPeriod sp, List<Link> downloads, int sheets, List<DeductedCriterion> deducted) {
        List<DeductedCriterion> top = sp.rubric() == null ? List.of()
                : deducted.stream()
                .sorted(Comparator.comparing((DeductedCriterion d) -> new BigDecimal(d.totalLost())).reversed()
                        .thenComparing(Comparator.comparingInt(DeductedCriterion::stations).reversed()))
                .limit(COSTLIEST).toList();
        List<Costly> costliest = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            DeductedCriterion d = top.get(i);
            costliest.add(new Costly(d.number(), CONTENT_END.matcher(d.content()).replaceAll(""), d.href(), d.stations(),
                    d.totalLost(), i + 1 < top.size() ? "；" : ""));
        }
        List<Spread> spread = new ArrayList<>();
        Spread now = spread(sp);
        spread.add(now);
        String words = "";
        if (sp.previous() != null) {
            Spread before = spread(sp.previous());
            spread.add(before);
            BigDecimal a = new BigDecimal(now.standardDeviation().equals("—") ? "0" : now.standardDeviation());
            BigDecimal b = new BigDecimal(before.standardDeviation().equals("—") ? "0" : before.standardDeviation());
            String trend = a.compareTo(b) > 0 ? "各所得分差距比上期拉大" : a.compareTo(b) < 0 ? "各所得分差距比上期缩小"
                    : "各所得分差距与上期相同";
            words = "本期 " + now.count() + " 个所总分的标准差为 " + now.standardDeviation() + "、极差 " + now.range()
                    + " 分；上期（" + before.period() + "，" + before.count() + " 个所）标准差 " + before.standardDeviation()
                    + "、极差 " + before.range() + " 分：" + trend + "。"
                    + (sp.rubricChanged() ? "两期考核细则不同，分数的比较仅供参考。" : "");
        }
        return new PeriodAnalysis(new Link(sp.period().title() + "考核情况报告草稿", Slug.reportPage(sp.id())),
                downloads, costliest, sheets, spread, words,
                sheets > 0 && !PeriodTables.sheetFiles(sp));
    }

    private static Spread spread(ScoredPeriod sp) {
        List<BigDecimal> totals = sp.totals();
        int scale = sp.assessment().scale();
        SectionStatistics st = SectionStatistics.of("总分", "", totals, scale);
        if (totals.isEmpty()) {
            return new Spread(sp.period().title(), Slug.periodPage(sp.id()), 0, "—", "—", "—", st.standardDeviation());
        }
        // Totals as the period declares them (its scale), as its ranking shows them: 61.00, not 61.
        BigDecimal min = totals.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = totals.stream().max(BigDecimal::compareTo).orElseThrow();
        return new Spread(sp.period().title(), Slug.periodPage(sp.id()), totals.size(), Numbers.fixed(min, scale),
                Numbers.fixed(max, scale), Numbers.fixed(max.subtract(min), scale), st.standardDeviation());
    }
}
