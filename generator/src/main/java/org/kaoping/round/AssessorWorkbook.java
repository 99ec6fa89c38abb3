package org.kaoping.round;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kaoping.model.Assessment;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.Station;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.kaoping.round.WorkbookLayout.*;

/**
 * The assessor's workbook for one period: a summary worksheet (汇总) for the figures given per
 * station, then one worksheet per station laid out as the official sheet. Only the cells to fill
 * (得分, 扣分原因, the summary's given figures) are unlocked; the worksheets are protected with a
 * documented password, so nobody overwrites a criterion by accident but anyone can unprotect on purpose.
 * A score outside 0…分值 is refused by Excel/WPS through data validation; the importer checks again.
 */
public final class AssessorWorkbook {
    private AssessorWorkbook() {
    }

    public static void write(OutputStream out, String periodTitle, Rubric rubric, Assessment assessment,
                             List<Station> stations) throws IOException {
        Workbook wb = new Workbook(out, "Kaoping", "1.0");
        // fastexcel's setGlobalDefaultFont also sets its process-wide default font (Font.DEFAULT, not public),
        // which every later workbook of the process starts from: set back to fastexcel's own (Calibri 11, which
        // nothing else in Kaoping changes) once this one is written, so that 宋体 does not reach the downloads of a
        // build in the same process. While it is written, styles without a font of their own take 宋体 from there.
        try {
            wb.setGlobalDefaultFont("宋体", 11);
            sheets(wb, periodTitle, rubric, assessment, stations);
        } finally {
            wb.setGlobalDefaultFont("Calibri", 11);
        }
    }

    private static void sheets(Workbook wb, String periodTitle, Rubric rubric, Assessment assessment,
                               List<Station> stations) throws IOException {
        List<Assessment.Component> given = assessment == null ? List.of()
                : assessment.components().stream().filter(c -> c.source().equals("given")).toList();
        List<Assessment.GivenBonus> bonuses = assessment == null ? List.of() : assessment.givenBonuses();
        int totalRow = HEADER_ROW + 1 + rubric.allCriteria().size();
        summary(wb.newWorksheet(SUMMARY), periodTitle, stations, given, bonuses, totalRow);
        for (Station s : stations) {
            station(wb.newWorksheet(worksheetName(s)), periodTitle, rubric, s, totalRow);
        }
        wb.finish();
    }

    /** Excel allows 31 characters and none of []:*?/\ in a worksheet name; the short name fits. */
    public static String worksheetName(Station s) {
        String name = s.shortName() == null ? s.name() : s.shortName();
        return name.length() <= 31 && !name.matches(".*[\\[\\]:*?/\\\\].*") ? name : s.id();
    }

    private static void summary(Worksheet ws, String periodTitle, List<Station> stations,
                                List<Assessment.Component> given, List<Assessment.GivenBonus> bonuses, int totalRow) {
        List<String> headers = new ArrayList<>(List.of(STATION_HEADER, "评分表合计"));
        given.forEach(c -> headers.add(c.title()));
        bonuses.forEach(b -> headers.add(b.title()));
        ws.value(0, 0, periodTitle + " 考核汇总（填写灰底以外的白色单元格；评分表合计自动计算）");
        ws.range(0, 0, 0, Math.max(headers.size() - 1, 3)).merge();
        ws.style(0, 0).bold().fontSize(13).set();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(HEADER_ROW, c, headers.get(c));
            ws.style(HEADER_ROW, c).bold().fillColor("DDDDDD").wrapText(true).borderStyle(BorderStyle.THIN).set();
            ws.width(c, c == 0 ? 16 : 14);
        }
        int row = HEADER_ROW + 1;
        for (Station s : stations) {
            ws.value(row, 0, s.name());
            ws.formula(row, 1, "'" + worksheetName(s) + "'!" + a1(totalRow, SCORE));
            ws.style(row, 0).fillColor("EEEEEE").borderStyle(BorderStyle.THIN).set();
            ws.style(row, 1).fillColor("EEEEEE").borderStyle(BorderStyle.THIN).set();
            for (int c = 2; c < headers.size(); c++) {
                ws.style(row, c).borderStyle(BorderStyle.THIN).protectionOption(ProtectionOption.LOCKED, false).set();
                boolean bonus = c - 2 >= given.size();
                String cell = a1(row, c);
                ws.range(row, c, row, c).validateWithFormula(bonus
                                ? "AND(ISNUMBER(" + cell + ")," + cell + ">=0," + cell + "=INT(" + cell + "))"
                                : "AND(ISNUMBER(" + cell + ")," + cell + ">=0)")
                        .allowBlank(true).showErrorMessage(true).errorStyle(DataValidationErrorStyle.STOP)
                        .errorTitle("数值不对").error(bonus ? "请填写次数（0 或正整数）" : "请填写不小于 0 的数");
            }
            row++;
        }
        ws.freezePane(1, HEADER_ROW + 1);
        protect(ws);
    }

    private static void station(Worksheet ws, String periodTitle, Rubric rubric, Station s, int totalRow) {
        ws.value(0, 0, s.name() + " " + periodTitle + " 考核评分表（" + rubric.title() + "）");
        ws.range(0, 0, 0, REASON).merge();
        ws.style(0, 0).bold().fontSize(13).set();
        for (int c = 0; c < HEADERS.size(); c++) {
            ws.value(HEADER_ROW, c, HEADERS.get(c));
            ws.style(HEADER_ROW, c).bold().fillColor("DDDDDD").horizontalAlignment("center")
                    .borderStyle(BorderStyle.THIN).set();
        }
        double[] widths = {14, 36, 7, 60, 8, 30, 6};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.hideColumn(CRITERION_ID);
        int row = HEADER_ROW + 1;
        for (Section section : rubric.sections()) {
            int first = row;
            for (Criterion c : section.criteria()) {
                if (row == first) {
                    ws.value(row, SECTION, (section.number() == null ? "" : section.number() + "、") + section.title());
                }
                ws.value(row, CONTENT, c.content());
                if (c.points() != null) {
                    ws.value(row, POINTS, c.points());
                }
                ws.value(row, STANDARD, c.standard());
                ws.value(row, CRITERION_ID, c.id());
                for (int col = 0; col <= REASON; col++) {
                    boolean fill = col == SCORE || col == REASON;
                    var style = ws.style(row, col).wrapText(true).verticalAlignment("top").borderStyle(BorderStyle.THIN);
                    if (fill) {
                        style.protectionOption(ProtectionOption.LOCKED, false);
                    } else {
                        style.fillColor("F3F3F3");
                    }
                    style.set();
                }
                BigDecimal ceiling = c.points() == null ? null : c.ceiling();
                String cell = a1(row, SCORE);
                String rule = ceiling == null ? "AND(ISNUMBER(" + cell + ")," + cell + ">=0)"
                        : "AND(ISNUMBER(" + cell + ")," + cell + ">=0," + cell + "<=" + ceiling.toPlainString() + ")";
                ws.range(row, SCORE, row, SCORE).validateWithFormula(rule).allowBlank(true).showErrorMessage(true)
                        .errorStyle(DataValidationErrorStyle.STOP).errorTitle("得分不对")
                        .error(ceiling == null ? "得分须是不小于 0 的数" : "得分须在 0 与 " + ceiling.toPlainString() + " 之间");
                row++;
            }
            if (row - first > 1) {
                ws.range(first, SECTION, row - 1, SECTION).merge();
            }
        }
        ws.value(totalRow, SECTION, "合计");
        ws.value(totalRow, POINTS, rubric.total());
        ws.formula(totalRow, SCORE, "SUM(" + a1(HEADER_ROW + 1, SCORE) + ":" + a1(totalRow - 1, SCORE) + ")");
        ws.style(totalRow, SECTION).bold().set();
        ws.freezePane(0, HEADER_ROW + 1);
        protect(ws);
    }

    /**
     * A guard against slips, not a lock: the password is documented (content/README.md). fastexcel
     * hashes an empty password to 0, which Excel would not accept as empty, so a known word is used.
     */
    static final String PROTECTION_PASSWORD = "kaoping";

    private static void protect(Worksheet ws) {
        ws.protect(PROTECTION_PASSWORD);
    }
}
