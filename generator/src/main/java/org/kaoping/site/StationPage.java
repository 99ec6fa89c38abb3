package org.kaoping.site;

import java.util.List;

/**
 * stations/&lt;id&gt;.html: one station across all periods, and its scored sheets criterion by criterion.
 *
 * @param selfCheck   the self-check form prefilled with the latest sheet, or null when there is none
 * @param currentForm the blank form of the latest period's rubric, for every station (null without one)
 * @param focus       the lost items of the latest sheet, for the page's lead (null without a sheet)
 * @param sheetsTable the station's sheets of the paged periods as one table, its .csv written beside the page
 *                    ({@link #sheetsFile()}); null when every sheet of the station has its period's .csv
 * @param stationFilePeriods the periods that file holds, in words: 各考核期 when it holds every sheet of the
 *                    station, else their titles (the other periods' sheets have a .csv each); "" without the file
 */
public record StationPage(
        String id,
        String name,
        String attributes,
        Latest latest,
        List<HistoryRow> history,
        Chart.History historyChart,
        boolean hasMovement,
        List<Reasons> reasons,
        List<SheetView> sheets,
        List<String> internalNotes,
        Link selfCheck,
        Link currentForm,
        StationFocus focus,
        List<SelfComparison> selfAssessments,
        SheetChanges changes,
        TableRows sheetsTable,
        String stationFilePeriods) implements Page {

    /** The same page with the station's self-assessments beside the assessors' sheets. */
    public StationPage withSelfAssessments(List<SelfComparison> comparisons) {
        return new StationPage(id, name, attributes, latest, history, historyChart, hasMovement, reasons, sheets,
                internalNotes, selfCheck, currentForm, focus, List.copyOf(comparisons), changes, sheetsTable, stationFilePeriods);
    }

    /** Where {@link #sheetsTable} is written, relative to the site root. */
    public String sheetsFile() {
        return Slug.stationSheets(id);
    }

    public boolean hasSelfAssessments() {
        return !selfAssessments.isEmpty();
    }

    public String path() {
        return Slug.stationPage(id);
    }

    public String template() {
        return "station";
    }

    public String title() {
        return name;
    }

    public String nav() {
        return "stations";
    }

    /** A printout's every page names the station and the period its figures are up to. */
    @Override
    public String printHeading() {
        return latest == null ? name : name + "（最近一期：" + latest.period() + "）";
    }

    public boolean hasReasons() {
        return !reasons.isEmpty();
    }

    public boolean hasSheets() {
        return !sheets.isEmpty();
    }

    public boolean hasInternalNotes() {
        return !internalNotes.isEmpty();
    }

    /**
     * The station in the latest period it took part in.
     *
     * @param gap what it takes to reach the place above, in words
     */
    public record Latest(String period, String href, int place, int count, String total, String gap, String tier,
                         List<VetoView> vetoes) {
        public boolean hasVetoes() {
            return !vetoes.isEmpty();
        }

        public boolean hasTier() {
            return !tier.isEmpty();
        }
    }

    /** @param gap points to the place above, in words ("差 2.5 分") */
    public record HistoryRow(String period, String href, String place, String count, String total, String totalSort,
                             Movement movement, String gap, String tier, String veto, Link rubric) {
    }

    /** 主要扣分原因 as the period's report prints them. */
    public record Reasons(String period, String href, String text) {
    }

    public record VetoView(String text, String effect) {
    }

    /**
     * One scored sheet. The latest is shown in full; an older one (issue 12: a station page carries its
     * latest sheet, not every past sheet in full) only with the criteria where it lost points or gave a
     * reason, and no chart; every sheet, older ones whole, is one link away as the period's .csv.
     *
     * @param maximumNote what not-applicable criteria do to the maximum, in words, or ""
     * @param sections    every criterion of the latest sheet; of an older one, the sections and criteria that lost points
     * @param download    the sheet as .csv, relative to the site root: in the period's downloads, or, for a paged
     *                    period, the station's own file of its sheets of every such period
     * @param inStationFile {@code download} is the station's own file ({@link StationPage#sheetsFile()})
     */
    public record SheetView(String anchor, String heading, String period, String periodHref, Link rubric,
                            String date, String total, String maximum, String maximumNote,
                            List<String> notApplicable, Chart.Bars sectionsChart, List<SheetSection> sections,
                            List<VetoView> vetoes, List<Signature> signatures, List<CorrectionView> corrections,
                            List<String> internalNotes, boolean latest, String download,
                            boolean inStationFile) {
        /** An older sheet kept no criterion: it lost nothing and gave no reason. */
        public boolean nothingLost() {
            return sections.isEmpty();
        }

        public boolean hasNotApplicable() {
            return !notApplicable.isEmpty();
        }

        public boolean hasVetoes() {
            return !vetoes.isEmpty();
        }

        public boolean hasSignatures() {
            return !signatures.isEmpty();
        }

        public boolean hasCorrections() {
            return !corrections.isEmpty();
        }

        public boolean hasInternalNotes() {
            return !internalNotes.isEmpty();
        }

        public boolean hasMaximumNote() {
            return !maximumNote.isEmpty();
        }
    }

    public record SheetSection(String label, String kind, String score, String maximum, List<CriterionRow> criteria) {
    }

    /**
     * @param status  how the score came about, when not simply given ("不适用", "按规则计算", …), or ""
     * @param lost    points were lost here (the row is marked)
     */
    public record CriterionRow(String number, String content, String score, String maximum, String reason,
                               String status, String correction, String href, boolean lost) {
        public boolean hasReason() {
            return !reason.isEmpty();
        }
    }

    public record Signature(String role, String names) {
    }

    /** @param quote the source as printed, only where assessor notes are public; likewise note */
    public record CorrectionView(String number, String recorded, String corrected, String quote, String note) {
        public boolean hasQuote() {
            return !quote.isEmpty();
        }

        public boolean hasNote() {
            return !note.isEmpty();
        }
    }
}
