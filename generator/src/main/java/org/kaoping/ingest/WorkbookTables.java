package org.kaoping.ingest;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every worksheet of an .xlsx file into {@link Table}s. Formula cells count by their cached
 * value (fastexcel does not evaluate formulas); the importer reads no formula columns anyway.
 */
public final class WorkbookTables {
    private WorkbookTables() {
    }

    public static List<Table> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Table> tables = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<Cell>> rows = new ArrayList<>();
                for (Row r : sheet.read()) {
                    int index = r.getRowNum() - 1;
                    while (rows.size() < index) {
                        rows.add(List.of());
                    }
                    List<Cell> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) {
                        var cell = r.getCell(c);
                        Where where = new Where(name, sheet.getName(), index, c);
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            cells.add(new Cell("", null, where));
                        } else if (cell.getType() == CellType.NUMBER) {
                            cells.add(new Cell(cell.getRawValue(), cell.asNumber(), where));
                        } else {
                            cells.add(new Cell(cell.getText(), null, where));
                        }
                    }
                    rows.add(cells);
                }
                tables.add(new Table(name, sheet.getName(), rows));
            }
        }
        return tables;
    }
}
