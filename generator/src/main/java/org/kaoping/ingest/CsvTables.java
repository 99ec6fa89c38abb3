package org.kaoping.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV file (any of the encodings {@link TextDecoding} knows) into a {@link Table}. */
public final class CsvTables {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvTables() {
    }

    public static Table read(Path file) throws IOException {
        String text = TextDecoding.decode(Files.readAllBytes(file));
        String name = file.getFileName().toString();
        List<List<Cell>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                String[] values = it.nextValue();
                int row = rows.size();
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; c < values.length; c++) {
                    cells.add(new Cell(values[c], null, new Where(name, null, row, c)));
                }
                rows.add(cells);
            }
        }
        return new Table(name, null, rows);
    }
}
