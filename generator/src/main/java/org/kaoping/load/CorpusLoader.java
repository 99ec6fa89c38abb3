package org.kaoping.load;

import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.StationRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads rubrics/ and content/ into a {@link Corpus}, collecting every finding on the way. */
public final class CorpusLoader {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Audience audience;
    private final LoadCache cache;

    /** A loader for the public site. */
    public CorpusLoader() {
        this(Audience.PUBLIC);
    }

    /** @param audience whose build this is: private names are redacted unless it is {@link Audience#INTERNAL} */
    public CorpusLoader(Audience audience) {
        this(audience, null);
    }

    /** @param cache files loaded by earlier builds of this process (`serve`), or null to read everything */
    public CorpusLoader(Audience audience, LoadCache cache) {
        this.audience = audience;
        this.cache = cache;
    }

    private <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, boolean release) {
        return cache == null ? FileLoader.load(file, schema, type, sink, audience, release)
                : cache.load(file, schema, type, sink, audience, release);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Loads only the rubrics (for `check` on a rubrics folder alone). */
    public Map<String, Loaded<Rubric>> loadRubrics(Path rubricsDir) {
        Map<String, Loaded<Rubric>> rubrics = new TreeMap<>();
        for (Path file : jsonFiles(rubricsDir)) {
            if (file.getFileName().toString().endsWith(".schema.json")) {
                continue;
            }
            Loaded<Rubric> r = load(file, SchemaCheck.RUBRIC, Rubric.class, diagnostics, false);
            if (r == null) {
                continue;
            }
            String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (!r.value().id().equals(expected)) {
                diagnostics.add(r.source().error("$.id", "rubric id \"" + r.value().id()
                        + "\" must match its file name \"" + expected + "\""));
            }
            if (rubrics.containsKey(r.value().id())) {
                diagnostics.add(r.source().error("$.id", "duplicate rubric id \"" + r.value().id() + "\""));
                continue;
            }
            rubrics.put(r.value().id(), r);
        }
        return rubrics;
    }

    public Corpus load(Path contentDir, Path rubricsDir) {
        Map<String, Loaded<Rubric>> rubrics = loadRubrics(rubricsDir);
        Loaded<SiteConfig> site = required(contentDir.resolve("site.json"), SchemaCheck.SITE, SiteConfig.class);
        Loaded<StationRegistry> stations = required(contentDir.resolve("stations.json"), SchemaCheck.STATIONS,
                StationRegistry.class);
        List<Loaded<Period>> periods = new ArrayList<>();
        for (Path file : jsonFiles(contentDir.resolve("periods"))) {
            // Released as sheets are: a province's period files list 10,000 results each, and their trees and
            // texts are not needed once bound (a finding reads the file again for its line).
            Loaded<Period> p = load(file, SchemaCheck.PERIOD, Period.class, diagnostics, true);
            if (p != null) {
                periods.add(p);
            }
        }
        if (stations != null) {
            // A result may name its station by id, name, short name or alias: everything after this sees ids.
            StationNames names = new StationNames(stations.value().stations());
            periods.replaceAll(p -> new Loaded<>(p.value().withStations(
                    ref -> names.resolve(ref).map(org.kaoping.model.Station::id).orElse(ref)), p.source()));
        }
        periods.sort(Comparator.comparing((Loaded<Period> p) -> p.value().year())
                .thenComparing(p -> p.value().quarter() == null ? 9 : p.value().quarter())
                .thenComparing(p -> p.value().id()));
        Map<String, Map<String, Loaded<Sheet>>> sheets = sheetFolders(contentDir.resolve("sheets"));
        Map<String, Map<String, Loaded<Sheet>>> selfAssessments = sheetFolders(contentDir.resolve("self-assessments"));
        return new Corpus(site, stations, rubrics, periods, sheets, selfAssessments);
    }

    /** &lt;dir&gt;/&lt;period&gt;/&lt;station&gt;.json, sorted by period and station. */
    private Map<String, Map<String, Loaded<Sheet>>> sheetFolders(Path sheetsDir) {
        Map<String, Map<String, Loaded<Sheet>>> sheets = new TreeMap<>();
        if (Files.isDirectory(sheetsDir)) {
            for (Path periodDir : directories(sheetsDir)) {
                Map<String, Loaded<Sheet>> byStation = new TreeMap<>();
                List<Path> files = jsonFiles(periodDir);
                // Sheets load in parallel (a province has tens of thousands); findings are kept in file order.
                @SuppressWarnings("unchecked")
                Loaded<Sheet>[] loaded = new Loaded[files.size()];
                @SuppressWarnings("unchecked")
                List<Diagnostic>[] found = new List[files.size()];
                java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
                    found[i] = new ArrayList<>();
                    loaded[i] = load(files.get(i), SchemaCheck.SHEET, Sheet.class, found[i], true);
                });
                for (int i = 0; i < files.size(); i++) {
                    diagnostics.addAll(found[i]);
                    if (loaded[i] != null) {
                        String name = files.get(i).getFileName().toString(); // *.json (jsonFiles)
                        byStation.put(name.substring(0, name.length() - ".json".length()), loaded[i]);
                    }
                }
                sheets.put(periodDir.getFileName().toString(), byStation);
            }
        }
        return sheets;
    }

    private <T> Loaded<T> required(Path file, String schema, Class<T> type) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            diagnostics.add(Diagnostic.error(file, Location.START, "missing file: " + file.getFileName()
                    + " is required (see content/README.md)"));
            return null;
        }
        return load(file, schema, type, diagnostics, false);
    }

    private List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error(dir, Location.START, "missing folder " + dir));
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            // Anything named *.json is meant as input: a folder, pipe, device or dangling link so named is
            // passed on, and JsonSource refuses it by name rather than skipping it silently.
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(dir, Location.START, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }

    private List<Path> directories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.sorted().toList();
            for (Path p : all) {
                if (!Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    // Said, not skipped silently: a sheet put one level too high, or a link to nowhere.
                    diagnostics.add(Diagnostic.warning(p, Location.START, "ignored: " + dir.getFileName()
                            + "/ holds one folder per period (sheets/<period>/<station>.json); this is "
                            + (Files.isSymbolicLink(p) && !Files.exists(p) ? "a link to nothing" : "not a folder")));
                }
            }
            return all.stream().filter(Files::isDirectory).toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(dir, Location.START, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }
}
