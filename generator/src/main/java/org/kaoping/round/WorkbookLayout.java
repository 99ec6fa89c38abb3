package org.kaoping.round;

import java.util.List;

/**
 * Where things stand in the assessor's workbook. The writer ({@link AssessorWorkbook}) and the
 * importer read the same constants, so a workbook Kaoping wrote is always one it can read back.
 * Columns A–F are the official sheet (考核项目, 考核内容, 分值, 考核办法及标准, 得分, 扣分原因);
 * column G, hidden, keeps the criterion id so rows can be re-ordered or re-typed without losing
 * which criterion they score.
 */
public final class WorkbookLayout {
    public static final String SUMMARY = "汇总";
    public static final List<String> HEADERS = List.of("考核项目", "考核内容", "分值", "考核办法及标准", "得分", "扣分原因", "编号");
    /** Zero-based row of the column headers on a station worksheet and on the summary worksheet. */
    public static final int HEADER_ROW = 1;
    public static final int SECTION = 0;
    public static final int CONTENT = 1;
    public static final int POINTS = 2;
    public static final int STANDARD = 3;
    public static final int SCORE = 4;
    public static final int REASON = 5;
    public static final int CRITERION_ID = 6;
    /** The summary worksheet's first column: the station's name. */
    public static final String STATION_HEADER = "司法所";

    private WorkbookLayout() {
    }

    /** A1-style address of a zero-based row and column: (6, 4) → "E7". */
    public static String a1(int row, int col) {
        StringBuilder letters = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }
}
