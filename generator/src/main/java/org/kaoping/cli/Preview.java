package org.kaoping.cli;

import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileDigest;
import org.kaoping.load.LoadCache;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.rank.Standings;
import org.kaoping.render.Pages;
import org.kaoping.render.TemplateException;
import org.kaoping.score.Breakdown;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.Changes;
import org.kaoping.site.FingerprintFiles;
import org.kaoping.site.LazySite;
import org.kaoping.site.SiteException;
import org.kaoping.validate.ContentConsistency;
import org.kaoping.validate.PeriodMemory;
import org.kaoping.validate.PredecessorCheck;
import org.kaoping.validate.PublicationConsistency;
import org.kaoping.validate.RubricConsistency;
import org.kaoping.validate.SelfAssessmentConsistency;
import org.kaoping.validate.SheetCheck;
import org.kaoping.validate.SheetChecks;
import org.kaoping.write.OutputException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * `serve`'s preview: after a change, the site to show, in memory, with every page made when a browser asks for it
 * ({@link PreviewSite}). Its checks are `kaoping build`'s; when only existing sheets of existing periods changed
 * (the folder watch names them) and the last check reached the content, only what those sheets touch is done
 * again, also after a failed check (so that fixing a sheet is quick too): the changed files
 * loaded, their periods checked and ranked (every unchanged sheet's check and breakdown remembered), the data
 * version's lines of those files made again from the bytes loaded; any other change checks everything again (unchanged files
 * still taken from the {@link LoadCache}). The output folder is written afterwards, by {@link Rebuilds}.
 */
final class Preview {
    /** Everything one check found, by where it came from, with what it made. */
    private record State(Corpus corpus, List<Diagnostic> loaded, List<Diagnostic> rubrics, List<Diagnostic> content,
                         List<Diagnostic> others, Map<String, Standings> standings, FingerprintFiles version,
                         Map<Path, String[]> sheetFiles) {
        List<Diagnostic> all() {
            List<Diagnostic> all = new ArrayList<>(loaded);
            all.addAll(rubrics);
            all.addAll(content);
            all.addAll(others);
            return all;
        }
    }

    /** A sheet's check as SheetCheck made it: its breakdown and findings. */
    private record Checked(Breakdown breakdown, List<Diagnostic> findings) {
    }

    /** Identity, not value: two equal sheets in different files are two checks (their findings name their files). */
    private record Same(Loaded<Sheet> sheet) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.sheet == sheet;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(sheet);
        }
    }

    private final Folders folders;
    private final LoadCache loads;
    private final PreviewSite.Downloads downloads = new PreviewSite.Downloads();
    private final Audience audience = Audience.PUBLIC;
    private final Clock clock;
    private State state;
    /** The site of the last good build, whose unchanged scored periods a quick rebuild reuses. */
    private LazySite shown;
    /** What was served from it: its theme (templates compiled, files listed) is taken again while only sheets change. */
    private PreviewSite shownView;
    /** Sheet checks of the current state's sheets, valid while periods, rubrics and stations stay as they were. */
    private Map<Same, Checked> sheetChecks = new ConcurrentHashMap<>();
    /** Each period's findings apart from its sheets, and its scoring, from the last check (kept on the same terms). */
    private final PeriodMemory periodMemory = new PeriodMemory();

    Preview(Folders folders, LoadCache loads, Clock clock) {
        this.folders = folders;
        this.loads = loads;
        this.clock = clock;
    }

    /** The site after {@code changes}; a failed build's outcome carries no site (the previous one stays shown). */
    BuildOutcome build(Changes changes) {
        long start = changes.seenAt();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        try {
            Map<Path, String[]> sheets = changes.everything() || state == null ? null : changedSheets(changes.paths());
            String how;
            if (sheets != null && sheets.isEmpty()) {
                // Only files the site does not read (an editor's temporary files): nothing to do.
                return null;
            }
            if (sheets != null) {
                state = recheck(state, sheets);
                how = sheets.size() + " 个评分表";
            } else {
                shownView = null; // the theme may have changed too: compiled and listed again
                state = checkAll();
                how = "全部文件";
            }
            long checked = System.nanoTime();
            List<Diagnostic> found = state.all();
            CheckCommand.print(found, out);
            long errors = found.stream().filter(Diagnostic::isError).count();
            if (errors > 0) {
                out.println("build: refused: check found " + errors + " error" + (errors == 1 ? "" : "s")
                        + "; the preview still shows the last good site");
                return new BuildOutcome(false, text.toString().strip(), null);
            }
            LazySite site = LazySite.of(state.corpus(), state.version().fingerprint(), clock, audience, state.standings(),
                    sheets != null ? shown : null);
            long modelled = System.nanoTime();
            PreviewSite view;
            if (sheets != null && shownView != null) {
                view = new PreviewSite(site, shownView); // only sheets changed: the theme is as it was
            } else {
                view = new PreviewSite(site, new Pages(folders.theme.resolve("templates"), site.model()),
                        folders.theme, downloads);
                if (!Files.isDirectory(folders.theme.resolve("assets"))) {
                    throw new OutputException("theme folder " + folders.theme + " has no assets/ folder");
                }
            }
            shown = site;
            shownView = view;
            long end = System.nanoTime();
            out.println(String.format(Locale.ROOT, "serve: 预览已更新（重新检查了%s）：从发现改动到可以提供页面用时 %.3f s"
                            + "（检查 %.3f s，站点模型 %.3f s，模板 %.3f s）；data version %s",
                    how, (end - start) / 1e9, (checked - start) / 1e9, (modelled - checked) / 1e9, (end - modelled) / 1e9,
                    site.model().fingerprint().shortForm()));
            return new BuildOutcome(true, text.toString().strip(), view);
        } catch (SiteException | TemplateException | OutputException e) {
            out.println("build: failed: " + e.getMessage());
        } catch (RuntimeException e) {
            out.println("build: failed: " + e);
        }
        state = null;
        return new BuildOutcome(false, text.toString().strip(), null);
    }

    /** The standings of the last check, by period id (tests compare the quick path's with a whole check's). */
    Map<String, Standings> standings() {
        return state == null ? null : state.standings();
    }

    /**
     * The changed sheet files (path → period, station), or null when something else changed, a sheet was added
     * or removed, or the last check did not reach the content; empty when only files the build never reads changed (an editor's temporary files beside sheets).
     */
    private Map<Path, String[]> changedSheets(Set<Path> paths) {
        // The content check reruns for some periods only if it ran at all (it does not after a rubric error).
        if (state.rubrics().stream().anyMatch(Diagnostic::isError) || state.corpus().stations() == null
                || state.corpus().site() == null) {
            return null;
        }
        Set<String> periodIds = new java.util.HashSet<>();
        state.corpus().periods().forEach(p -> periodIds.add(p.value().id()));
        Path sheetsDir = abs(folders.content.resolve("sheets"));
        Map<Path, String[]> changed = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!p.startsWith(sheetsDir) || sheetsDir.relativize(p).getNameCount() != 2) {
                return null;
            }
            String name = p.getFileName().toString();
            if (!name.endsWith(".json")) {
                continue; // the loader reads *.json only
            }
            String[] where = state.sheetFiles().get(p);
            // A sheet of a folder that is no period is reported by the check of the whole corpus only.
            if (where == null || !periodIds.contains(where[0]) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            changed.put(p, where);
        }
        return changed;
    }

    /** The whole check, as `kaoping build` makes it (CheckCommand.checkAndLoad), keeping its parts apart. */
    private State checkAll() {
        sheetChecks = new ConcurrentHashMap<>();
        CorpusLoader loader = new CorpusLoader(audience, loads);
        Corpus corpus = loader.load(folders.content, folders.rubrics);
        loads.sweep();
        List<Diagnostic> rubricFindings = new ArrayList<>();
        for (Loaded<Rubric> r : corpus.rubrics().values()) {
            rubricFindings.addAll(RubricConsistency.check(r));
        }
        rubricFindings.addAll(PredecessorCheck.check(corpus.rubrics()));
        List<Diagnostic> content = new ArrayList<>();
        List<Diagnostic> others = new ArrayList<>();
        Map<String, Standings> standings = new HashMap<>();
        if (rubricFindings.stream().noneMatch(Diagnostic::isError)) {
            ContentConsistency.check(corpus, content, standings, remembered(), periodMemory);
            PublicationConsistency.check(corpus, others);
            SelfAssessmentConsistency.check(corpus, others);
        }
        Map<Path, String[]> sheetFiles = new HashMap<>();
        Path sheetsDir = folders.content.resolve("sheets");
        try (var periods = Files.isDirectory(sheetsDir) ? Files.list(sheetsDir) : java.util.stream.Stream.<Path>empty()) {
            for (Path dir : periods.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                        sheetFiles.put(abs(f), new String[]{dir.getFileName().toString(),
                                f.getFileName().toString().replaceFirst("\\.json$", "")});
                    }
                }
            }
        } catch (java.io.IOException e) {
            sheetFiles.clear(); // nothing known: every change checks everything
        }
        return new State(corpus, List.copyOf(loader.diagnostics()), rubricFindings, content, others, standings,
                FingerprintFiles.of(folders.content, folders.rubrics, loader.digests()), sheetFiles);
    }

    /** The check after only the given sheet files changed: those files loaded, their periods checked again. */
    private State recheck(State s, Map<Path, String[]> changed) {
        Set<Path> changedFiles = changed.keySet();
        Map<String, Map<String, Loaded<Sheet>>> sheets = new TreeMap<>(s.corpus().sheets());
        Map<Path, FileDigest> digests = new HashMap<>();
        List<Diagnostic> loaded = new ArrayList<>();
        s.loaded().stream().filter(d -> !changedFiles.contains(abs(d.file()))).forEach(loaded::add);
        Set<String> periods = new TreeSet<>();
        for (var e : changed.entrySet()) {
            String period = e.getValue()[0];
            String station = e.getValue()[1];
            periods.add(period);
            Map<String, Loaded<Sheet>> byStation = new TreeMap<>(sheets.getOrDefault(period, Map.of()));
            Loaded<Sheet> old = byStation.remove(station);
            if (old != null) {
                sheetChecks.remove(new Same(old));
            }
            // The path as the loader names it (its findings and the load cache's key).
            Path file = folders.content.resolve("sheets").resolve(period).resolve(station + ".json");
            Loaded<Sheet> now = loads.load(file, SchemaCheck.SHEET, Sheet.class, loaded, audience, true,
                    d -> digests.put(file, d));
            if (now != null) {
                byStation.put(station, now);
            }
            sheets.put(period, byStation);
        }
        Corpus corpus = new Corpus(s.corpus().site(), s.corpus().stations(), s.corpus().rubrics(), s.corpus().periods(),
                sheets, s.corpus().selfAssessments());
        // What the periods' part of the check said about these periods' files and sheets is said again.
        Set<Path> periodFiles = new java.util.HashSet<>();
        corpus.periods().stream().filter(p -> periods.contains(p.value().id()))
                .forEach(p -> periodFiles.add(abs(p.source().file())));
        Path sheetsDir = abs(folders.content.resolve("sheets"));
        List<Diagnostic> content = new ArrayList<>();
        for (Diagnostic d : s.content()) {
            Path f = abs(d.file());
            boolean ofPeriod = periodFiles.contains(f) || (f.startsWith(sheetsDir) && sheetsDir.relativize(f).getNameCount() == 2
                    && periods.contains(sheetsDir.relativize(f).getName(0).toString()));
            if (!ofPeriod) {
                content.add(d);
            }
        }
        Map<String, Standings> standings = new HashMap<>(s.standings());
        periods.forEach(standings::remove);
        ContentConsistency.recheck(corpus, periods, content, standings, remembered(), periodMemory);
        // A file that could not be read keeps its old line: its error refuses the build until it is read again.
        FingerprintFiles version = s.version().after(digests);
        if (version == null) {
            version = FingerprintFiles.of(folders.content, folders.rubrics, digests);
        }
        return new State(corpus, loaded, s.rubrics(), content, s.others(), standings, version, s.sheetFiles());
    }

    /** SheetCheck, remembering each sheet's answer while nothing but sheets changes. */
    private SheetChecks remembered() {
        Map<Same, Checked> memory = sheetChecks;
        return (sheet, key, period, rubric, names, byId, out) -> {
            Checked c = memory.get(new Same(sheet));
            if (c == null) {
                List<Diagnostic> found = new ArrayList<>();
                Breakdown b = SheetCheck.scored(sheet, key, period, rubric, names, byId, found);
                c = new Checked(b, List.copyOf(found));
                memory.put(new Same(sheet), c);
            }
            out.addAll(c.findings());
            return c.breakdown();
        };
    }

    private static Path abs(Path p) {
        return p == null ? Path.of("") : p.toAbsolutePath().normalize();
    }
}
