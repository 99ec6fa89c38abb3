package org.kaoping.load;

import org.kaoping.model.EachIndex;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Loads rubrics/ and content/ into a {@link Corpus}, collecting every finding on the way. */
public final class CorpusLoader {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<Path, FileDigest> digests = new HashMap<>();
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

    private <T> Loaded<T> load(Path file, String schema, Class<T> type, List<Diagnostic> sink, boolean release,
                               Consumer<FileDigest> read) {
        return cache == null ? FileLoader.load(file, schema, type, sink, audience, release, read)
                : cache.load(file, schema, type, sink, audience, release, read);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Every file read, by its path as the loader named it (the folder given, then the path within it): the length and
     * SHA-256 of the bytes read, whether they loaded or not. The data version is made of these ({@code site/Fingerprint}).
     */
    public Map<Path, FileDigest> digests() {
        return digests;
    }

    /** Loads only the rubrics (for `check` on a rubrics folder alone). */
    public Map<String, Loaded<Rubric>> loadRubrics(Path rubricsDir) {
        Batch batch = new Batch();
        Map<String, Loaded<Rubric>> rubrics = rubrics(batch, rubricsDir);
        batch.run();
        return rubrics;
    }

    /** The rubric files as jobs of the batch; the map is filled, in file order, as the batch reports them. */
    private Map<String, Loaded<Rubric>> rubrics(Batch batch, Path rubricsDir) {
        Map<String, Loaded<Rubric>> rubrics = new TreeMap<>();
        for (Path file : jsonFiles(batch, rubricsDir)) {
            if (file.getFileName().toString().endsWith(".schema.json")) {
                continue;
            }
            batch.file(file, SchemaCheck.RUBRIC, Rubric.class, false, r -> {
                String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
                if (!r.value().id().equals(expected)) {
                    diagnostics.add(r.source().error("$.id", "rubric id \"" + r.value().id()
                            + "\" must match its file name \"" + expected + "\""));
                }
                if (rubrics.containsKey(r.value().id())) {
                    diagnostics.add(r.source().error("$.id", "duplicate rubric id \"" + r.value().id() + "\""));
                    return;
                }
                rubrics.put(r.value().id(), r);
            });
        }
        return rubrics;
    }

    public Corpus load(Path contentDir, Path rubricsDir) {
        // Every file is named first and all load at once, over the cores (rubrics, periods and sheets alike: none
        // needs another to load); findings are then reported in the order the files were named, as one by one.
        Batch batch = new Batch();
        Map<String, Loaded<Rubric>> rubrics = rubrics(batch, rubricsDir);
        Batch.Job<SiteConfig> site = required(batch, contentDir.resolve("site.json"), SchemaCheck.SITE, SiteConfig.class);
        Batch.Job<StationRegistry> stationsJob = required(batch, contentDir.resolve("stations.json"),
                SchemaCheck.STATIONS, StationRegistry.class);
        List<Batch.Job<Period>> periodJobs = new ArrayList<>();
        for (Path file : jsonFiles(batch, contentDir.resolve("periods"))) {
            // Released as sheets are: a province's period files list 10,000 results each, and their trees and
            // texts are not needed once bound (a finding reads the file again for its line).
            periodJobs.add(batch.file(file, SchemaCheck.PERIOD, Period.class, true, null));
        }
        Map<String, Map<String, Batch.Job<Sheet>>> sheetJobs = sheetFolders(batch, contentDir.resolve("sheets"));
        Map<String, Map<String, Batch.Job<Sheet>>> selfJobs = sheetFolders(batch, contentDir.resolve("self-assessments"));
        batch.run();

        Loaded<StationRegistry> stations = stationsJob == null ? null : stationsJob.loaded;
        List<Loaded<Period>> periods = new ArrayList<>();
        for (Batch.Job<Period> p : periodJobs) {
            if (p.loaded != null) {
                periods.add(p.loaded);
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
        return new Corpus(site == null ? null : site.loaded, stations, rubrics, periods, loaded(sheetJobs),
                loaded(selfJobs));
    }

    /** &lt;dir&gt;/&lt;period&gt;/&lt;station&gt;.json as jobs of the batch, by period and station. */
    private Map<String, Map<String, Batch.Job<Sheet>>> sheetFolders(Batch batch, Path sheetsDir) {
        Map<String, Map<String, Batch.Job<Sheet>>> sheets = new TreeMap<>();
        if (Files.isDirectory(sheetsDir)) {
            for (Path periodDir : directories(batch, sheetsDir)) {
                Map<String, Batch.Job<Sheet>> byStation = new TreeMap<>();
                for (Path file : jsonFiles(batch, periodDir)) {
                    String name = file.getFileName().toString(); // *.json (jsonFiles); no regex for 80,000 names
                    byStation.put(name.substring(0, name.length() - ".json".length()),
                            batch.file(file, SchemaCheck.SHEET, Sheet.class, true, null));
                }
                sheets.put(periodDir.getFileName().toString(), byStation);
            }
        }
        return sheets;
    }

    /** The sheets that loaded, by period and station. */
    private static Map<String, Map<String, Loaded<Sheet>>> loaded(Map<String, Map<String, Batch.Job<Sheet>>> jobs) {
        Map<String, Map<String, Loaded<Sheet>>> sheets = new TreeMap<>();
        jobs.forEach((period, byStation) -> {
            Map<String, Loaded<Sheet>> loaded = new TreeMap<>();
            byStation.forEach((station, job) -> {
                if (job.loaded != null) {
                    loaded.put(station, job.loaded);
                }
            });
            sheets.put(period, loaded);
        });
        return sheets;
    }

    /** A required file as a job of the batch, or null (and a finding in its place) when it does not exist. */
    private <T> Batch.Job<T> required(Batch batch, Path file, String schema, Class<T> type) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            batch.note(Diagnostic.error(file, Location.START, "missing file: " + file.getFileName()
                    + " is required (see content/README.md)"));
            return null;
        }
        return batch.file(file, schema, type, false, null);
    }

    /**
     * Files to load and findings about folders, in the order they were named. {@link #run} loads every file at
     * once, each with findings of its own, then hands each file's findings and value on in that order.
     */
    private final class Batch {
        private final List<Object> steps = new ArrayList<>();
        private final List<Job<?>> jobs = new ArrayList<>();

        final class Job<T> {
            final Path file;
            final String schema;
            final Class<T> type;
            final boolean release;
            final java.util.function.Consumer<Loaded<T>> then;
            final List<Diagnostic> found = new ArrayList<>();
            Loaded<T> loaded;
            FileDigest digest;

            Job(Path file, String schema, Class<T> type, boolean release, java.util.function.Consumer<Loaded<T>> then) {
                this.file = file;
                this.schema = schema;
                this.type = type;
                this.release = release;
                this.then = then;
            }

            void load() {
                loaded = CorpusLoader.this.load(file, schema, type, found, release, d -> digest = d);
            }

            void report() {
                diagnostics.addAll(found);
                if (digest != null) {
                    digests.put(file, digest);
                }
                if (loaded != null && then != null) {
                    then.accept(loaded);
                }
            }
        }

        <T> Job<T> file(Path file, String schema, Class<T> type, boolean release,
                        java.util.function.Consumer<Loaded<T>> then) {
            Job<T> job = new Job<>(file, schema, type, release, then);
            steps.add(job);
            jobs.add(job);
            return job;
        }

        void note(Diagnostic d) {
            steps.add(d);
        }

        void run() {
            EachIndex.run(jobs.size(), i -> jobs.get(i).load());
            for (Object step : steps) {
                if (step instanceof Job<?> job) {
                    job.report();
                } else {
                    diagnostics.add((Diagnostic) step);
                }
            }
        }
    }

    private List<Path> jsonFiles(Batch batch, Path dir) {
        if (!Files.isDirectory(dir)) {
            batch.note(Diagnostic.error(dir, Location.START, "missing folder " + dir));
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            // Anything named *.json is meant as input: a folder, pipe, device or dangling link so named is
            // passed on, and JsonSource refuses it by name rather than skipping it silently.
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            batch.note(Diagnostic.error(dir, Location.START, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }

    private List<Path> directories(Batch batch, Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.sorted().toList();
            for (Path p : all) {
                if (!Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    // Said, not skipped silently: a sheet put one level too high, or a link to nowhere.
                    batch.note(Diagnostic.warning(p, Location.START, "ignored: " + dir.getFileName()
                            + "/ holds one folder per period (sheets/<period>/<station>.json); this is "
                            + (Files.isSymbolicLink(p) && !Files.exists(p) ? "a link to nothing" : "not a folder")));
                }
            }
            return all.stream().filter(Files::isDirectory).toList();
        } catch (IOException e) {
            batch.note(Diagnostic.error(dir, Location.START, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }
}
