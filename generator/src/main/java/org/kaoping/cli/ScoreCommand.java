package org.kaoping.cli;

import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.load.SchemaCheck;
import org.kaoping.load.StationNames;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.StationRegistry;
import org.kaoping.score.Breakdown;
import org.kaoping.score.BreakdownJson;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `kaoping score FILE`: scores one sheet (a self-check export or any sheet in the same format)
 * and prints the breakdown as JSON — the numbers the form shows. Findings go to stderr in the
 * check format; exit 1 when the sheet cannot be scored.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one sheet against its rubric and print the breakdown as JSON.")
public final class ScoreCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Parameters(paramLabel = "FILE", description = "a sheet JSON file (e.g. a self-check export)")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> found = new ArrayList<>();
        Loaded<Sheet> sheet = FileLoader.load(file, SchemaCheck.SHEET, Sheet.class, found);
        if (sheet == null) {
            return fail(err, found);
        }
        CorpusLoader loader = new CorpusLoader();
        Map<String, Loaded<Rubric>> rubrics = loader.loadRubrics(folders.rubrics);
        Loaded<Rubric> rubric = rubrics.get(sheet.value().rubric());
        if (rubric == null) {
            found.addAll(loader.diagnostics());
            found.add(sheet.source().error("$.rubric", "unknown rubric \"" + sheet.value().rubric() + "\"; "
                    + folders.rubrics + " has " + String.join(", ", rubrics.keySet())));
            return fail(err, found);
        }
        Sheet s = sheet.value();
        String fingerprint = RubricFingerprint.of(rubric.source());
        if (s.fingerprint() != null && !s.fingerprint().equals(fingerprint)) {
            found.add(sheet.source().warning("$.fingerprint", "this sheet was made for another version of rubric "
                    + s.rubric() + " (" + s.fingerprint() + "; the current one is " + fingerprint
                    + "): check the criteria that changed"));
        }
        if (s.station() != null) {
            Path registry = folders.content.resolve("stations.json");
            if (Files.isRegularFile(registry)) {
                Loaded<StationRegistry> stations = FileLoader.load(registry, SchemaCheck.STATIONS, StationRegistry.class, found);
                if (stations != null) {
                    try {
                        var station = new StationNames(stations.value().stations()).require(s.station());
                        s = s.withAttributes(station.attributes()).withTargets(periodTargets(file, s, station.id(), found));
                    } catch (StationNames.UnknownStationException e) {
                        found.add(sheet.source().error("$.station", e.getMessage()));
                        return fail(err, found);
                    }
                }
            }
        }
        try {
            Breakdown b = new SheetScorer().score(rubric.value(), s);
            found.forEach(d -> err.println(d.format()));
            err.flush();
            out.println(BreakdownJson.toJson(b, rubric.value().scale()));
            out.flush();
            return 0;
        } catch (ScoreException e) {
            found.add(sheet.source().error(e.path(), e.detail()));
            return fail(err, found);
        }
    }

    /**
     * The station's per-station targets from the sheet's period: the one it names, or the one whose
     * folder it lies in (content/sheets/&lt;period&gt;/); none when there is no such period file.
     */
    private Map<String, java.math.BigDecimal> periodTargets(Path sheetFile, Sheet s, String station,
                                                            List<Diagnostic> found) {
        Path parent = sheetFile.toAbsolutePath().getParent();
        String period = s.period() != null ? s.period()
                : parent != null && parent.getParent() != null && parent.getParent().getFileName().toString().equals("sheets")
                ? parent.getFileName().toString() : null;
        if (period == null) {
            return Map.of();
        }
        if (!period.matches("[a-z0-9][a-z0-9.-]*")) {
            return Map.of();
        }
        Path periodFile = folders.content.resolve("periods").resolve(period + ".json");
        if (!Files.isRegularFile(periodFile)) {
            return Map.of();
        }
        Loaded<org.kaoping.model.Period> p = FileLoader.load(periodFile, SchemaCheck.PERIOD, org.kaoping.model.Period.class, found);
        return p == null ? Map.of() : p.value().targetsOf(station);
    }

    private static int fail(PrintWriter err, List<Diagnostic> found) {
        found.forEach(d -> err.println(d.format()));
        err.flush();
        return 1;
    }
}
