package org.kaoping.ingest;

import org.kaoping.load.StationNames;
import org.kaoping.model.Assessment;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Station;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.kaoping.round.WorkbookLayout.*;

/**
 * Turns tables into {@link StationFill}s for one period, collecting every problem rather than
 * stopping at the first: station worksheets and the summary worksheet of the assessor's workbook,
 * and CSV tables with one station per row (columns: 司法所, then criterion numbers, 扣分原因 columns,
 * given components and bonuses by title or id).
 */
public final class FillReader {
    private final Rubric rubric;
    private final Assessment assessment;
    private final StationNames names;
    private final Map<String, Criterion> criteria = new LinkedHashMap<>();
    private final Map<String, StationFill> fills = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public FillReader(Rubric rubric, Assessment assessment, StationNames names) {
        this.rubric = rubric;
        this.assessment = assessment;
        this.names = names;
        for (Criterion c : rubric.allCriteria()) {
            criteria.put(c.id(), c);
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Fills by station id, in the order stations were first met. */
    public Map<String, StationFill> fills() {
        return fills;
    }

    public void readWorkbook(List<Table> worksheets) {
        List<Table> unfilled = new ArrayList<>();
        for (Table t : worksheets) {
            if (t.worksheet().equals(SUMMARY)) {
                readRows(t, HEADER_ROW);
            } else if (!readStationWorksheet(t)) {
                unfilled.add(t);
            }
        }
        if (!unfilled.isEmpty()) {
            // One line for all of them: a workbook filled for three stations should not print twenty-two warnings.
            problems.add(Problem.warning(unfilled.get(0).where(HEADER_ROW + 1, SCORE), unfilled.size()
                    + " 张工作表未填写得分，未导入：" + String.join("、", unfilled.stream().map(Table::worksheet).toList())));
        }
    }

    public void readCsv(Table table) {
        readRows(table, 0);
    }

    /** @return false when the worksheet has no score at all (not filled in, so not imported) */
    private boolean readStationWorksheet(Table t) {
        Optional<Station> station = names.resolve(t.worksheet());
        if (station.isEmpty()) {
            problems.add(Problem.error(t.where(0, 0), unknownStation(t.worksheet(), "工作表名")));
            return true;
        }
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
            headers.add(t.cell(HEADER_ROW, c).trimmed());
        }
        if (!headers.equals(HEADERS)) {
            problems.add(Problem.error(t.where(HEADER_ROW, 0), "不是 kaoping new-period 生成的评分表：第 "
                    + (HEADER_ROW + 1) + " 行应为 " + String.join("、", HEADERS) + "（编号列隐藏）"));
            return true;
        }
        Map<String, StationFill.Score> found = new LinkedHashMap<>();
        List<Where> blanks = new ArrayList<>();
        int errorsBefore = problems.size();
        for (int r = HEADER_ROW + 1; r < t.rows().size(); r++) {
            String id = t.cell(r, CRITERION_ID).trimmed();
            if (id.isEmpty()) {
                continue;
            }
            Criterion c = criteria.get(id);
            if (c == null) {
                problems.add(Problem.error(t.where(r, CRITERION_ID), "编号“" + id + "”不是细则 " + rubric.id() + " 的考核项"));
                continue;
            }
            Cell score = t.cell(r, SCORE);
            String reason = t.cell(r, REASON).trimmed();
            if (score.isBlank()) {
                blanks.add(score.where());
                continue;
            }
            if (found.containsKey(id)) {
                problems.add(Problem.error(score.where(), "考核项 " + id + " 出现两次（另见 " + found.get(id).where() + "）"));
                continue;
            }
            checkedScore(c, score).ifPresent(v -> found.put(id, new StationFill.Score(v, reason.isEmpty() ? null : reason, score.where())));
        }
        if (found.isEmpty() && problems.size() == errorsBefore) {
            return false;
        }
        for (Where w : blanks) {
            problems.add(Problem.error(w, "得分未填写（不扣分请填分值）"));
        }
        List<String> missing = criteria.keySet().stream().filter(id -> !found.containsKey(id)).toList();
        if (blanks.isEmpty() && !missing.isEmpty() && problems.size() == errorsBefore) {
            problems.add(Problem.error(t.where(HEADER_ROW, 0), "缺少考核项 " + String.join("、", missing)));
        }
        put(station.get(), found, t.where(0, 0));
        return true;
    }

    /** A header row, then one station per row: the summary worksheet and CSV tables. */
    private void readRows(Table t, int headerRow) {
        if (t.rows().size() <= headerRow) {
            problems.add(Problem.error(t.where(0, 0), "没有表头行"));
            return;
        }
        List<Cell> header = t.rows().get(headerRow);
        int stationCol = -1;
        Map<Integer, Column> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).trimmed();
            if (h.equals(STATION_HEADER) || h.equals("单位") || h.equals("单位名称")) {
                stationCol = c;
            } else if (!h.isEmpty() && !h.equals("评分表合计") && !h.equals("序号")) {
                Column col = column(h);
                if (col == null) {
                    problems.add(Problem.error(header.get(c).where(), "表头“" + h + "”不是考核项编号、扣分原因列、"
                            + "给定分项或加分项；可用的：" + knownHeaders()));
                } else {
                    columns.put(c, col);
                }
            }
        }
        if (stationCol < 0) {
            problems.add(Problem.error(t.where(headerRow, 0), "表头缺少“司法所”列"));
            return;
        }
        for (int r = headerRow + 1; r < t.rows().size(); r++) {
            Cell name = t.cell(r, stationCol);
            final int row = r;
            if (name.isBlank()) {
                if (columns.keySet().stream().anyMatch(c -> !t.cell(row, c).isBlank())) {
                    problems.add(Problem.error(name.where(), "司法所名称未填写"));
                }
                continue;
            }
            Optional<Station> station = names.resolve(name.trimmed());
            if (station.isEmpty()) {
                problems.add(Problem.error(name.where(), unknownStation(name.trimmed(), "司法所")));
                continue;
            }
            if (columns.keySet().stream().allMatch(c -> t.cell(row, c).isBlank())) {
                continue;
            }
            Map<String, StationFill.Score> scores = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            StationFill fill = fills.computeIfAbsent(station.get().id(), k -> new StationFill(station.get()));
            for (var e : columns.entrySet()) {
                Cell cell = t.cell(r, e.getKey());
                Column col = e.getValue();
                if (cell.isBlank()) {
                    continue;
                }
                switch (col.kind) {
                    case SCORE_COLUMN -> checkedScore(criteria.get(col.id), cell)
                            .ifPresent(v -> scores.put(col.id, new StationFill.Score(v, null, cell.where())));
                    case REASON_COLUMN -> reasons.put(col.id, cell.trimmed());
                    case COMPONENT -> checkedComponent(cell).ifPresent(v -> putGiven(fill.components(), col.id, v, cell));
                    case BONUS -> checkedCount(cell).ifPresent(v -> putGiven(fill.bonuses(), col.id, v, cell));
                }
            }
            Map<String, StationFill.Score> withReasons = new LinkedHashMap<>();
            scores.forEach((id, s) -> withReasons.put(id, new StationFill.Score(s.score(), reasons.get(id), s.where())));
            put(station.get(), withReasons, name.where());
        }
    }

    private void put(Station station, Map<String, StationFill.Score> scores, Where where) {
        StationFill fill = fills.computeIfAbsent(station.id(), k -> new StationFill(station));
        for (var e : scores.entrySet()) {
            StationFill.Score before = fill.criteria().putIfAbsent(e.getKey(), e.getValue());
            if (before != null) {
                problems.add(Problem.error(e.getValue().where(), station.name() + " 的考核项 " + e.getKey()
                        + " 已在 " + before.where() + " 给出"));
            }
        }
    }

    private void putGiven(Map<String, StationFill.Given> into, String id, BigDecimal v, Cell cell) {
        StationFill.Given before = into.putIfAbsent(id, new StationFill.Given(v, cell.where()));
        if (before != null) {
            problems.add(Problem.error(cell.where(), id + " 已在 " + before.where() + " 给出"));
        }
    }

    private Optional<BigDecimal> checkedScore(Criterion c, Cell cell) {
        Optional<BigDecimal> n = cell.number();
        if (n.isEmpty()) {
            problems.add(Problem.error(cell.where(), "得分“" + cell.trimmed() + "”不是数字"));
            return Optional.empty();
        }
        BigDecimal v = n.get();
        if (v.signum() < 0) {
            problems.add(Problem.error(cell.where(), "得分 " + v.toPlainString() + " 不能小于 0"));
        } else if (c.points() != null && v.compareTo(c.ceiling()) > 0) {
            problems.add(Problem.error(cell.where(), "得分 " + v.toPlainString() + " 超过分值 " + c.ceiling().toPlainString()));
        } else if (v.remainder(rubric.effectiveStep()).signum() != 0) {
            problems.add(Problem.error(cell.where(), "得分 " + v.toPlainString() + " 不是 "
                    + rubric.effectiveStep().toPlainString() + " 的整数倍（细则的最小计分单位）"));
        } else {
            return Optional.of(v);
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> checkedComponent(Cell cell) {
        Optional<BigDecimal> n = cell.number();
        if (n.isEmpty()) {
            problems.add(Problem.error(cell.where(), "“" + cell.trimmed() + "”不是数字"));
        } else if (n.get().signum() < 0) {
            problems.add(Problem.error(cell.where(), n.get().toPlainString() + " 不能小于 0"));
        } else if (assessment != null && n.get().scale() > assessment.scale()) {
            problems.add(Problem.error(cell.where(), n.get().toPlainString() + " 的小数超过 " + assessment.scale() + " 位"));
        } else {
            return n;
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> checkedCount(Cell cell) {
        Optional<BigDecimal> n = cell.number();
        if (n.isEmpty() || n.get().signum() < 0 || n.get().scale() > 0) {
            problems.add(Problem.error(cell.where(), "次数“" + cell.trimmed() + "”应为 0 或正整数"));
            return Optional.empty();
        }
        return n;
    }

    private String unknownStation(String name, String what) {
        return what + "“" + name + "”不在司法所名录中；最接近的：" + names.suggest(name, 3).stream()
                .map(Station::name).collect(Collectors.joining("、"));
    }

    private enum Kind { SCORE_COLUMN, REASON_COLUMN, COMPONENT, BONUS }

    private record Column(Kind kind, String id) {
    }

    private Column column(String header) {
        String h = header.replace(" ", "");
        String asReason = h.startsWith("扣分原因") ? h.substring(4) : h.endsWith("扣分原因") ? h.substring(0, h.length() - 4) : null;
        if (asReason != null) {
            Criterion c = criterionByLabel(asReason);
            return c == null ? null : new Column(Kind.REASON_COLUMN, c.id());
        }
        Criterion c = criterionByLabel(h);
        if (c != null) {
            return new Column(Kind.SCORE_COLUMN, c.id());
        }
        if (assessment != null) {
            for (Assessment.Component comp : assessment.components()) {
                if (comp.source().equals("given") && (comp.id().equals(h) || comp.title().replace(" ", "").equals(h))) {
                    return new Column(Kind.COMPONENT, comp.id());
                }
            }
            for (Assessment.GivenBonus b : assessment.givenBonuses()) {
                if (b.id().equals(h) || b.title().replace(" ", "").equals(h)) {
                    return new Column(Kind.BONUS, b.id());
                }
            }
        }
        return null;
    }

    private Criterion criterionByLabel(String label) {
        Criterion byId = criteria.get(label);
        if (byId != null) {
            return byId;
        }
        return criteria.values().stream().filter(c -> label.equals(c.number())).findFirst().orElse(null);
    }

    private String knownHeaders() {
        List<String> known = new ArrayList<>(List.of(STATION_HEADER, "考核项编号（如 " + criteria.keySet().iterator().next() + "）",
                "扣分原因 <编号>"));
        if (assessment != null) {
            assessment.components().stream().filter(c -> c.source().equals("given")).forEach(c -> known.add(c.title()));
            assessment.givenBonuses().forEach(b -> known.add(b.title()));
        }
        return String.join("、", known);
    }
}
