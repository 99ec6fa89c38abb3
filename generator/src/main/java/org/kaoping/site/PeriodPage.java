package org.kaoping.site;

import java.util.List;

/** periods/&lt;id&gt;.html: the full ranking of one period, how it was formed, and its statistics. */
public record PeriodPage(
        String id,
        String heading,
        String typeLabel,
        String assessed,
        Link rubric,
        Link previous,
        int count,
        List<String> componentHeaders,
        List<String> bonusHeaders,
        boolean hasTiers,
        boolean hasMovement,
        boolean rubricChanged,
        List<RankingRow> rows,
        List<String> totalsWording,
        List<String> tiesWording,
        List<String> tiersWording,
        Chart.Distribution distributionChart,
        List<SectionStatistics> overall,
        List<SectionStatistics> sections,
        int sheetCount,
        List<DeductedCriterion> deductions,
        List<Finding> findings,
        boolean publishedDiffers,
        List<String> internalNotes,
        PublicationNotice publication,
        PeriodAnalysis analysis) implements Page {

    public String path() {
        return Slug.periodPage(id);
    }

    public String template() {
        return "period";
    }

    public String title() {
        return heading + "考核结果";
    }

    public String nav() {
        return "periods";
    }

    /** More rows than a page shows: the first {@link Paging#PAGE} are rendered, site.js pages through the rest. */
    public boolean paged() {
        return Paging.paged(rows);
    }

    /** The rows rendered into the page; {@link #rows} are all of them (the data file, the veto column). */
    public List<RankingRow> shownRows() {
        return Paging.firstPage(rows);
    }

    public int pageRows() {
        return Paging.PAGE;
    }

    /** The ranking's data file, relative to the site root. */
    public String dataFile() {
        return Paging.rankingData(id);
    }

    public boolean hasComponents() {
        return !componentHeaders.isEmpty();
    }

    public boolean hasBonuses() {
        return !bonusHeaders.isEmpty();
    }

    /** Columns beyond 名次, 司法所, 总分 and 变化 that fold away on phones. */
    public boolean hasFoldedColumns() {
        return !componentHeaders.isEmpty() || !bonusHeaders.isEmpty() || hasTiers || hasVetoColumn();
    }

    public boolean hasSectionStatistics() {
        return !sections.isEmpty();
    }

    /** The 一票否决 column only when some station has one; otherwise one line says so. */
    public boolean hasVetoColumn() {
        return rows.stream().anyMatch(RankingRow::vetoed);
    }

    /** Complete sheets exist, but fewer than statistics need. */
    public boolean fewSheets() {
        return sheetCount > 0 && sheetCount < SectionStatistics.MIN_SAMPLE;
    }

    /** The sheets are only some of the stations (2022: the top ten's). */
    public boolean someSheets() {
        return sheetCount >= SectionStatistics.MIN_SAMPLE && sheetCount < count;
    }

    public int minSample() {
        return SectionStatistics.MIN_SAMPLE;
    }

    public boolean hasDeductions() {
        return !deductions.isEmpty();
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    public boolean hasTiersWording() {
        return !tiersWording.isEmpty();
    }

    public boolean hasInternalNotes() {
        return !internalNotes.isEmpty();
    }

    /**
     * One line of the ranking.
     *
     * @param published the published total when it differs from the computed one, else ""
     * @param veto      the vetoes that apply, in words, or ""
     */
    public record RankingRow(int place, String station, String href, List<String> components, List<String> bonuses,
                             String total, String totalSort, String published, String tier, String veto,
                             Movement movement, boolean hasSheet) {
        public boolean vetoed() {
            return !veto.isEmpty();
        }

        public boolean differs() {
            return !published.isEmpty();
        }
    }

    /** The report's problems for one area: 共性问题, 个性问题, 整改措施. */
    public record Finding(String section, String common, String individual, String measures) {
    }
}
