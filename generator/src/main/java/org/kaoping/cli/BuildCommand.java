package org.kaoping.cli;

import org.kaoping.load.Audience;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.LoadCache;
import org.kaoping.render.Compactor;
import org.kaoping.render.DownloadsCache;
import org.kaoping.render.FileSink;
import org.kaoping.render.OfficeWarmUp;
import org.kaoping.render.Pages;
import org.kaoping.render.PeriodDownloads;
import org.kaoping.render.RubricJson;
import org.kaoping.render.StationDownloads;
import org.kaoping.render.StrictMustache;
import org.kaoping.render.TableScripts;
import org.kaoping.render.TemplateException;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.Page;
import org.kaoping.site.ReportPage;
import org.kaoping.site.SiteException;
import org.kaoping.site.SiteModel;
import org.kaoping.site.SiteModelBuilder;
import org.kaoping.site.Slug;
import org.kaoping.write.OutputException;
import org.kaoping.write.OutputFolder;
import org.kaoping.validate.SheetCheck;
import org.kaoping.validate.SheetChecks;
import org.kaoping.write.Staging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * `kaoping build`: check, then content/ + rubrics/ + site-theme/ → a finished site in output/.
 * The pipeline: load and check (as `check`) → site model → render page by page into a staging
 * folder → swap it in. Any failure leaves the previous site as it was.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the static site into the output folder (after the same validation as check).")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Option(names = "--internal", description = "build the internal site: private names and assessor notes shown, "
            + "every page marked 内部版本; into output-internal/ unless --out is given (never into a public output)")
    boolean internal;

    @Spec
    CommandSpec spec;

    /** Set by `serve`: files and downloads of its earlier builds, reused where unchanged (null: build everything). */
    LoadCache loads;
    DownloadsCache downloads;
    /** Set by `serve`: how many threads render pages (its output write leaves the other core to the preview). */
    int threads = Runtime.getRuntime().availableProcessors();
    /** Set by `serve`: called before each sheet is checked and each page is made, to wait while the preview rebuilds. */
    Runnable giveWay;

    /** Exit code of a refusal to touch the output folder (someone else's files, a build already running). */
    static final int OUTPUT_REFUSED = 3;

    @Override
    public Integer call() {
        var cli = spec.commandLine();
        return build(cli.getOut(), cli.getErr(), cli.getParseResult().hasMatchedOption("--out"));
    }

    /**
     * The build as {@link #call()} runs it, for a command line read with or without picocli ({@link PlainBuildLine});
     * {@code outGiven}: the output folder was on the command line (an internal build's default is another folder).
     */
    int build(PrintWriter out, PrintWriter err, boolean outGiven) {
        long start = System.nanoTime();
        RunPlan.beforeLoading(folders.content); // before anything else: it may hand the build to a second JVM
        // The report .docx needs Apache POI's type system: loaded on the second core while input is checked.
        OfficeWarmUp.start();
        // The page templates compile on another core while the input is checked; a template error is still said
        // only after the check passed and the theme's assets were found, where the templates were compiled before.
        FutureTask<StrictMustache> templates = new FutureTask<>(() -> Pages.compiled(folders.theme.resolve("templates")));
        // Then, on the same thread, the theme's stylesheets and scripts are read and compacted, to be written after the
        // pages as before (there, on the main thread alone, they were the last tenth of a county build).
        FutureTask<List<Staging.ReadFile>> themeFiles = new FutureTask<>(() -> themeFiles(folders.theme));
        Thread compiling = new Thread(() -> {
            templates.run();
            themeFiles.run();
        }, "kaoping-templates");
        compiling.setDaemon(true);
        compiling.start();
        Audience audience = internal ? Audience.INTERNAL : Audience.PUBLIC;
        if (internal && !outGiven) {
            folders.out = Path.of("output-internal");
        }
        CheckCommand.Checked checked = CheckCommand.checkAndLoad(folders, audience, loads, giveWay == null
                ? SheetChecks.DIRECT : (sheet, key, period, rubric, names, byId, found) -> {
                    giveWay.run();
                    return SheetCheck.scored(sheet, key, period, rubric, names, byId, found);
                });
        List<Diagnostic> found = new java.util.ArrayList<>(checked.diagnostics());
        CheckCommand.print(found, out);
        long errors = found.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            out.println("build: refused: check found " + errors + " error" + (errors == 1 ? "" : "s")
                    + "; " + folders.out + " is unchanged");
            out.flush();
            return 1;
        }
        Staging staging = null;
        OutputFolder output = null;
        try {
            Path assets = folders.theme.resolve("assets");
            if (!Files.isDirectory(assets)) {
                throw new OutputException("theme folder " + folders.theme + " has no assets/ folder");
            }
            // From the digests of the bytes the loader read; only files it does not read are read here.
            Fingerprint version = Fingerprint.of(folders.content, folders.rubrics, checked.digests());
            SiteModel model = SiteModelBuilder.build(checked.corpus(), version, Clock.systemUTC(), audience,
                    checked.standings(), threads > 1);
            Pages pages = new Pages(done(templates, "the templates compiled"), model);
            output = OutputFolder.open(folders.out, List.of(folders.content, folders.rubrics, folders.theme),
                    audience.word(), threads > 1);
            for (String note : output.notes()) {
                out.println("build: " + note);
            }
            staging = output.stage();
            int pageCount = renderAll(model.pages(), pages, staging,
                    downloads == null ? PeriodDownloads::parts : downloads::parts, threads,
                    giveWay == null ? () -> { } : giveWay);
            staging.writeAll(done(themeFiles, "the theme's files were read"));
            for (var e : model.rubricExports().entrySet()) {
                staging.write(Slug.rubricJson(e.getKey()), RubricJson.bytes(e.getValue()));
            }
            int files = staging.files();
            long bytes = staging.bytes();
            for (String warning : staging.commit()) {
                err.println("build: warning: " + warning);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(String.format(Locale.ROOT, "build: %d pages written to %s (%d files, %.1f KB) in %.2f s; data version %s%s",
                    pageCount, folders.out, files, bytes / 1024.0, seconds, model.fingerprint().shortForm(),
                    internal ? "; INTERNAL build (private names and notes shown): do not publish" : ""));
            out.flush();
            return 0;
        } catch (OutputException e) {
            return fail(staging, e.getMessage(), out, err, e.refused() ? OUTPUT_REFUSED : 1);
        } catch (SiteException | TemplateException e) {
            return fail(staging, e.getMessage(), out, err, 1);
        } catch (RuntimeException e) {
            return fail(staging, e.toString(), out, err, 1);
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    /**
     * Renders every page into staging, over all cores: each page is built (station pages on demand),
     * rendered and written to its own file independently (with its data files and a station's own .csv), so the
     * order of work cannot change a byte. A report page's period downloads are independent tasks ({@link PeriodDownloads#parts}), started before the pages
     * still waiting, heaviest first ({@link TaskQueue}).
     */
    static int renderAll(List<Page> all, Pages pages, Staging staging,
                         java.util.function.Function<ReportPage, List<PeriodDownloads.Part>> periodDownloads) {
        return renderAll(all, pages, staging, periodDownloads, Runtime.getRuntime().availableProcessors());
    }

    static int renderAll(List<Page> all, Pages pages, Staging staging,
                         java.util.function.Function<ReportPage, List<PeriodDownloads.Part>> periodDownloads, int threads) {
        return renderAll(all, pages, staging, periodDownloads, threads, () -> { });
    }

    /** As {@link #renderAll(List, Pages, Staging, java.util.function.Function, int)}, {@code giveWay} run before each page. */
    static int renderAll(List<Page> all, Pages pages, Staging staging,
                         java.util.function.Function<ReportPage, List<PeriodDownloads.Part>> periodDownloads, int threads,
                         Runnable giveWay) {
        FileSink sink = new FileSink() {
            @Override
            public void write(String path, byte[] data) {
                staging.write(path, data);
            }

            @Override
            public void stream(String path, Body body) {
                staging.stream(path, body::writeTo);
            }
        };
        TaskQueue[] queue = new TaskQueue[1];
        queue[0] = new TaskQueue(all.size(), i -> () -> {
            giveWay.run();
            Page page = all.get(i);
            staging.write(page.path(), pages.render(page));
            for (var f : TableScripts.files(page).entrySet()) {
                staging.write(f.getKey(), f.getValue());
            }
            for (var f : StationDownloads.files(page).entrySet()) {
                staging.write(f.getKey(), f.getValue());
            }
            if (page instanceof ReportPage report) {
                for (PeriodDownloads.Part part : periodDownloads.apply(report)) {
                    queue[0].add(new TaskQueue.Task(part.name(), part.weight(), () -> part.writeTo(sink)));
                }
            }
        });
        queue[0].run(threads);
        return all.size();
    }

    /** The theme's files as the site serves them: assets/ as assets/, then js/ (if any) as assets/js/, compacted. */
    private static List<Staging.ReadFile> themeFiles(Path theme) {
        List<Staging.ReadFile> files = new java.util.ArrayList<>(Staging.readTree(theme.resolve("assets"), "assets",
                Compactor::compact));
        Path scripts = theme.resolve("js");
        if (Files.isDirectory(scripts)) {
            // The scoring module and the self-check form (site-theme/js), loaded by plain <script src>.
            files.addAll(Staging.readTree(scripts, "assets/js", Compactor::compact));
        }
        return files;
    }

    /** What a task begun ahead made (the templates, the theme's files), or what it threw, thrown here. */
    private static <T> T done(FutureTask<T> task, String during) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + during, e);
        }
    }

    private int fail(Staging staging, String why, PrintWriter out, PrintWriter err, int code) {
        if (staging != null) {
            staging.discard();
        }
        out.flush();
        err.println("build: " + (code == OUTPUT_REFUSED ? "refused: " : "failed: ") + why);
        err.println("build: " + folders.out + " is unchanged");
        err.flush();
        return code;
    }
}
