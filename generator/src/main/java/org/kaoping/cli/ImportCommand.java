package org.kaoping.cli;

import org.kaoping.ingest.ContentUpdate;
import org.kaoping.ingest.CsvTables;
import org.kaoping.ingest.FillReader;
import org.kaoping.ingest.SelfAssessmentImport;
import org.kaoping.load.RubricFingerprint;
import java.util.ArrayList;
import org.kaoping.ingest.Problem;
import org.kaoping.ingest.Where;
import org.kaoping.ingest.WorkbookTables;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Loaded;
import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * `kaoping import FILE… --period ID`: filled workbooks (.xlsx) and tables (.csv) into content/.
 * Every problem is reported with its place; nothing is written unless all files are valid.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import filled assessor workbooks (.xlsx) and tables (.csv) into content/ for one period.")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = ".xlsx workbooks, .csv tables, or .json self-check exports (自评)")
    List<Path> files;

    @Option(names = "--period", required = true, description = "the period id, e.g. 2023-q3")
    String periodId;

    @Option(names = "--dry-run", description = "show what would change; write nothing")
    boolean dryRun;

    @Option(names = "--review", paramLabel = "REASON",
            description = "this import is a review (复核): record each change, with this reason, in the period's list of changes")
    String review;

    @Option(names = "--review-date", paramLabel = "YYYY-MM-DD", description = "date of the review (default: today)")
    java.time.LocalDate reviewDate;

    @Option(names = "--station", description = "for a self-check export (.json) that names no station: whose it is")
    String station;

    @Mixin
    Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = quiet.progress(err);
        progress.step("读取 " + folders.content + " 与 " + folders.rubrics);
        CorpusLoader loader = new CorpusLoader();
        Corpus corpus = loader.load(folders.content, folders.rubrics);
        Optional<Period> period = corpus.periods().stream().map(Loaded::value).filter(p -> p.id().equals(periodId)).findFirst();
        if (period.isEmpty()) {
            progress.done();
            err.println("import: 没有期次 " + periodId + "（" + folders.content.resolve("periods") + "）；新的一期先运行 new-period");
            err.flush();
            return ExitCode.USAGE;
        }
        Rubric rubric = period.get().rubric() == null ? null : corpus.rubric(period.get().rubric()).orElse(null);
        if (rubric == null) {
            progress.done();
            err.println("import: 期次 " + periodId + " 的考核细则“" + period.get().rubric() + "”无法读取；先运行 check");
            err.flush();
            return ExitCode.DATA;
        }
        Assessment assessment = period.get().assessment() != null ? period.get().assessment() : rubric.assessment();
        FillReader reader = new FillReader(rubric, assessment, corpus.names());
        List<SelfAssessmentImport.Ready> selfAssessments = new ArrayList<>();
        String fingerprint = RubricFingerprint.of(corpus.rubrics().get(rubric.id()).source().file());
        for (Path file : files) {
            progress.step("读取 " + file.getFileName());
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(file)) {
                try {
                    SelfAssessmentImport.check(file, station, periodId, rubric, fingerprint, folders.content,
                            corpus.names(), reader.problems()).ifPresent(selfAssessments::add);
                } catch (IOException e) {
                    reader.problems().add(Problem.error(new Where(file.getFileName().toString(), null, 0, 0),
                            "无法读取：" + e.getMessage()));
                }
            } else {
                read(file, reader);
            }
        }
        progress.done();
        List<Problem> problems = reader.problems();
        problems.forEach(p -> err.println(p));
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println("import: " + errors + " 个错误；" + folders.content + " 未作任何修改");
            err.flush();
            return ExitCode.DATA;
        }
        err.flush();
        ContentUpdate.Plan plan;
        try {
            plan = ContentUpdate.plan(folders.content, periodId, rubric, reader.fills(), corpus.names(), review == null ? null
                    : new ContentUpdate.Review((reviewDate != null ? reviewDate : java.time.LocalDate.now()).toString(), review));
            for (SelfAssessmentImport.Ready r : selfAssessments) {
                SelfAssessmentImport.addTo(r, plan.writes(), plan.changes());
            }
        } catch (IOException e) {
            err.println("import: 无法读取 " + folders.content + "：" + e.getMessage());
            err.flush();
            return ExitCode.DATA;
        }
        for (ContentUpdate.StationChange c : plan.changes()) {
            out.println(c.station() + "：");
            c.lines().forEach(l -> out.println("  " + l));
        }
        String summary = String.format(Locale.ROOT, "import: %d 个司法所有变化，%d 个无变化", plan.changes().size(), plan.unchanged());
        if (dryRun) {
            out.println(summary + "；--dry-run：未写入任何文件（将写 " + plan.writes().size() + " 个）");
            out.flush();
            return ExitCode.OK;
        }
        try {
            plan.apply();
        } catch (IOException e) {
            out.flush();
            err.println("import: 写入失败：" + e.getMessage());
            err.flush();
            return ExitCode.OUTPUT_REFUSED;
        }
        out.println(summary + "；写入 " + plan.writes().size() + " 个文件");
        out.flush();
        return ExitCode.OK;
    }

    private static void read(Path file, FillReader reader) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Where whole = new Where(name, null, 0, 0);
        try {
            if (!Files.isRegularFile(file)) {
                reader.problems().add(Problem.error(whole, "文件不存在：" + file));
            } else if (lower.endsWith(".xlsx")) {
                reader.readWorkbook(WorkbookTables.read(file));
            } else if (lower.endsWith(".csv")) {
                reader.readCsv(CsvTables.read(file));
            } else if (lower.endsWith(".xls") || lower.endsWith(".et")) {
                reader.problems().add(Problem.error(whole, "请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再导入"));
            } else {
                reader.problems().add(Problem.error(whole, "只能导入 .xlsx 工作簿、.csv 表格或自查表导出的 .json"));
            }
        } catch (IOException | RuntimeException e) {
            reader.problems().add(Problem.error(whole, "无法读取：" + e.getMessage()));
        }
    }
}
