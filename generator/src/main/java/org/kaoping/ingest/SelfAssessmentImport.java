package org.kaoping.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.load.StationNames;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A station's self-check export (the form's JSON) as its self-assessment (自评) for a period:
 * checked like any sheet (schema, the period's rubric, scorable), then kept as
 * content/self-assessments/&lt;period&gt;/&lt;station&gt;.json with station and period filled in.
 */
public final class SelfAssessmentImport {
    /** A checked export, ready to be written. */
    public record Ready(Station station, Path target, byte[] bytes, BigDecimal total, BigDecimal previousTotal,
                        boolean unchanged) {
    }

    private SelfAssessmentImport() {
    }

    /**
     * @param stationName the --station given on the command line, or null to use the export's own
     * @param fingerprint the rubric file's fingerprint, to recognise an export made for another version
     * @return the export ready to write, or empty when problems were added
     */
    public static Optional<Ready> check(Path file, String stationName, String periodId, Rubric rubric,
                                        String fingerprint, Path content, StationNames names,
                                        List<Problem> problems) throws IOException {
        String name = file.getFileName().toString();
        List<Diagnostic> found = new ArrayList<>();
        Loaded<Sheet> loaded = FileLoader.load(file, SchemaCheck.SHEET, Sheet.class, found);
        for (Diagnostic d : found) {
            Where w = new Where(name, null, Math.max(d.line() - 1, 0), Math.max(d.column() - 1, 0));
            problems.add(d.isError() ? Problem.error(w, d.message()) : Problem.warning(w, d.message()));
        }
        if (loaded == null) {
            return Optional.empty();
        }
        Sheet sheet = loaded.value();
        Where top = new Where(name, null, 0, 0);
        String ref = stationName != null ? stationName : sheet.station() != null ? sheet.station() : sheet.unit();
        if (ref == null) {
            problems.add(Problem.error(top, "自查表没有注明司法所；请加 --station 司法所名称"));
            return Optional.empty();
        }
        Optional<Station> station = names.resolve(ref);
        if (station.isEmpty()) {
            problems.add(Problem.error(top, "司法所“" + ref + "”不在司法所名录中；最接近的："
                    + String.join("、", names.suggest(ref, 3).stream().map(Station::name).toList())));
            return Optional.empty();
        }
        if (!sheet.rubric().equals(rubric.id())) {
            problems.add(Problem.error(top, "自查表按细则 " + sheet.rubric() + " 填写，本期细则为 " + rubric.id()));
            return Optional.empty();
        }
        if (sheet.fingerprint() != null && !sheet.fingerprint().equals(fingerprint)) {
            problems.add(Problem.warning(top, "自查表是按细则 " + rubric.id() + " 的另一个版本填写的；请核对有变化的考核项"));
        }
        BigDecimal total;
        try {
            total = new SheetScorer().score(rubric, sheet.withAttributes(station.get().attributes())).total();
        } catch (ScoreException e) {
            problems.add(Problem.error(top, e.path() + ": " + e.detail()));
            return Optional.empty();
        }
        ObjectNode tree = ContentJson.read(file);
        tree.put("station", station.get().id());
        tree.put("period", periodId);
        byte[] bytes = ContentJson.bytes(tree);
        Path target = content.resolve("self-assessments").resolve(periodId).resolve(station.get().id() + ".json");
        BigDecimal previous = null;
        boolean unchanged = false;
        if (Files.isRegularFile(target)) {
            unchanged = ContentJson.read(target).equals(tree);
            List<Diagnostic> ignore = new ArrayList<>();
            Loaded<Sheet> before = FileLoader.load(target, SchemaCheck.SHEET, Sheet.class, ignore);
            if (before != null) {
                try {
                    previous = new SheetScorer().score(rubric, before.value().withAttributes(station.get().attributes())).total();
                } catch (ScoreException ignored) {
                    // the old file no longer scores; the new one replaces it
                }
            }
        }
        return Optional.of(new Ready(station.get(), target, bytes, total, previous, unchanged));
    }

    public static void addTo(Ready r, Map<Path, byte[]> writes, List<ContentUpdate.StationChange> changes) {
        if (r.unchanged()) {
            return;
        }
        writes.put(r.target(), r.bytes());
        changes.add(new ContentUpdate.StationChange(r.station().name(), List.of(r.previousTotal() == null
                ? "自评：新增，合计 " + r.total().stripTrailingZeros().toPlainString()
                : "自评：合计 " + r.previousTotal().stripTrailingZeros().toPlainString() + " → " + r.total().stripTrailingZeros().toPlainString())));
    }
}
