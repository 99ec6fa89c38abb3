package org.kaoping.site;

import java.util.List;

/**
 * A period's 考核情况报告, drafted from the data in the bureau's own structure: 考核方式, 整体情况
 * with the score list, problems by section, and each station's main reasons. Plain text only: the
 * report page, the .docx and the .txt are three renderings of this one record.
 *
 * @param heading    the report's title
 * @param intro      the opening paragraph
 * @param method     一、考核方式, one paragraph each
 * @param overall    二、整体情况, before the score list
 * @param scoreList  the score list sentence in the bureau's style ("25个司法所的得分情况具体如下：…。")
 * @param basis      how common and individual problems were found, in words ("" when there are no sheets)
 * @param problems   三、问题, one per rubric section; empty when the period has no scored sheets
 * @param stations   四、各所具体情况, in ranking order
 * @param wordingSource where the bureau's own wording comes from ("" when the content carries none)
 */
public record ReportDraft(String heading, String bureau, String intro, List<String> method, List<String> overall,
                          String scoreList, String basis, List<ProblemSection> problems,
                          List<StationDetail> stations, String wordingSource) {

    public ReportDraft {
        method = List.copyOf(method);
        overall = List.copyOf(overall);
        problems = List.copyOf(problems);
        stations = List.copyOf(stations);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean hasWording() {
        return !wordingSource.isEmpty();
    }

    /**
     * The stations the report page details: all of them, or on a province's page (more than {@link Paging#PAGE})
     * the first {@link Paging#PAGE} in ranking order; the .docx and .txt detail every station.
     */
    public List<StationDetail> pageStations() {
        return Paging.firstPage(stations);
    }

    /**
     * The score list as the page prints it: the whole list, or on a province's page the first {@link Paging#PAGE}
     * stations of it (the .docx and .txt print all; 10,000 names made one paragraph of 256 KB).
     */
    public String pageScoreList() {
        if (stations.size() <= Paging.PAGE) {
            return scoreList;
        }
        return stations.size() + "个司法所的得分情况具体如下（本页列出前" + Paging.PAGE + "名，全部见报告下载）："
                + pageStations().stream().map(d -> d.station() + d.total() + "分")
                .collect(java.util.stream.Collectors.joining("、")) + "……。";
    }

    /** What the page says of the stations it leaves out ("" when it shows them all). */
    public String pageStationsNote() {
        int rest = stations.size() - pageStations().size();
        return rest == 0 ? "" : "本页列出排名前" + Paging.PAGE + "的司法所；其余" + rest
                + "个司法所的具体情况见上方的报告下载（.docx、.txt），各所的失分也见各所页面。";
    }

    /** 各所具体情况 is part 四 after the problems, part 三 when there are none. */
    public String stationsHeading() {
        return (hasProblems() ? "四" : "三") + "、各所具体情况";
    }

    /** The problems of one rubric section: "（一）所务管理方面". */
    public record ProblemSection(String heading, List<Problem> common, List<Problem> individual, String none) {
        public ProblemSection {
            common = List.copyOf(common);
            individual = List.copyOf(individual);
        }

        public boolean hasCommon() {
            return !common.isEmpty();
        }

        public boolean hasIndividual() {
            return !individual.isEmpty();
        }
    }

    /**
     * One criterion on which stations lost points.
     *
     * @param criterion  the criterion's id in the period's rubric
     * @param stationIds the stations that lost points on it, in ranking order
     * @param count      how many sheets lost points on it, of {@code sheets}
     * @param text       the sentence the report (.docx, .txt) prints, naming every station
     * @param pageText   the sentence the report page prints: the same, except that on a province's page
     *                   (more than {@link Paging#PAGE} stations) it names the first few and counts the rest
     */
    public record Problem(String criterion, String number, String content, List<String> stationIds, int count,
                          int sheets, String lost, String text, String pageText) {
        public Problem {
            stationIds = List.copyOf(stationIds);
        }
    }

    /**
     * One station in 各所具体情况.
     *
     * @param draft   its main reasons compiled from its sheet, or a plain statement that there is no sheet
     * @param wording the report's own 主要扣分原因, or ""
     */
    public record StationDetail(int order, String stationId, String station, String href, String total, String draft,
                                boolean fromSheet, String wording) {
        public boolean hasWording() {
            return !wording.isEmpty();
        }

        /** "1、观音寺司法所主要扣分原因：…" as the report prints it. */
        public String line() {
            return order + "、" + station + "主要扣分原因：" + draft;
        }
    }
}
