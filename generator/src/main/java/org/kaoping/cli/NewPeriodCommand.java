package org.kaoping.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.ingest.ContentJson;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Station;
import org.kaoping.round.AssessorWorkbook;
import org.kaoping.round.NewPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * `kaoping new-period --id 2023-q3 --rubric lushan-2023`: the period file listing every station and
 * the assessor's workbook to fill. Refuses to replace either if it exists.
 */
@Command(name = "new-period", mixinStandardHelpOptions = true,
        description = "Start a period: write content/periods/<id>.json and the assessor's workbook <id>.xlsx.")
public final class NewPeriodCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Option(names = "--id", required = true, description = "period id: 2023-q3, 2023-h1 or 2023-annual")
    String id;

    @Option(names = "--rubric", description = "rubric id (default: the previous period's)")
    String rubricId;

    @Option(names = "--title", description = "title shown on the site (default from the id: 2023 年第三季度)")
    String title;

    @Option(names = "--previous", description = "the period before this one (default: the latest)")
    String previous;

    @Option(names = "--workbook", description = "where to write the workbook (default: <id>.xlsx here)")
    Path workbook;

    @Mixin
    Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> badId = NewPeriod.problemWithId(id);
        if (badId.isPresent()) {
            return usage(err, badId.get());
        }
        CorpusLoader loader = new CorpusLoader();
        Corpus corpus = loader.load(folders.content, folders.rubrics);
        if (corpus.stations() == null) {
            err.println("new-period: 无法读取司法所名录 " + folders.content.resolve("stations.json") + "；先运行 check");
            err.flush();
            return ExitCode.DATA;
        }
        List<Period> periods = corpus.periods().stream().map(Loaded::value).toList();
        String before = previous != null ? previous : NewPeriod.latest(periods).orElse(null);
        Optional<Period> prior = periods.stream().filter(p -> p.id().equals(before)).findFirst();
        if (previous != null && prior.isEmpty()) {
            return usage(err, "没有期次 " + previous + "（--previous）");
        }
        String rid = rubricId != null ? rubricId : prior.map(Period::rubric).orElse(null);
        if (rid == null) {
            return usage(err, "请用 --rubric 指定考核细则；可用的：" + String.join("、", corpus.rubrics().keySet()));
        }
        Optional<Rubric> rubric = corpus.rubric(rid);
        if (rubric.isEmpty()) {
            return usage(err, "没有考核细则 " + rid + "；可用的：" + String.join("、", corpus.rubrics().keySet()));
        }
        String periodTitle = title != null ? title : defaultTitle(id);
        Path periodFile = folders.content.resolve("periods").resolve(id + ".json");
        Path book = workbook != null ? workbook : Path.of(id + ".xlsx");
        for (Path target : List.of(periodFile, book)) {
            if (Files.exists(target)) {
                err.println("new-period: " + target + " 已存在，未覆盖（要重做请先移走它）");
                err.flush();
                return ExitCode.OUTPUT_REFUSED;
            }
        }
        List<Station> stations = corpus.stations().value().stations();
        ObjectNode json = NewPeriod.json(id, periodTitle, rid, before, stations, book.getFileName().toString());
        Path tmp = book.toAbsolutePath().resolveSibling("." + book.getFileName() + ".kaoping-tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                AssessorWorkbook.write(os, periodTitle, rubric.get(),
                        rubric.get().assessment(), stations);
            }
            Files.move(tmp, book, StandardCopyOption.REPLACE_EXISTING);
            ContentJson.writeAtomically(periodFile, ContentJson.bytes(json));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the message below names the real failure
            }
            err.println("new-period: 写入失败：" + e.getMessage());
            err.flush();
            return ExitCode.OUTPUT_REFUSED;
        }
        out.println("new-period: 已写 " + periodFile + "（" + stations.size() + " 个司法所，细则 " + rid
                + (before == null ? "" : "，上一期 " + before) + "）");
        out.println("new-period: 已写评分工作簿 " + book + "：每个司法所一张工作表，填写“得分”“扣分原因”，汇总表填写给定分项");
        out.println("下一步：java -jar generator/target/kaoping.jar import " + book + " --period " + id);
        out.flush();
        return ExitCode.OK;
    }

    static String defaultTitle(String id) {
        String year = id.substring(0, 4);
        String kind = id.substring(5);
        return switch (kind) {
            case "q1" -> year + " 年第一季度";
            case "q2" -> year + " 年第二季度";
            case "q3" -> year + " 年第三季度";
            case "q4" -> year + " 年第四季度";
            case "h1" -> year + " 年上半年";
            case "h2" -> year + " 年下半年";
            default -> year + " 年度";
        };
    }

    private static int usage(PrintWriter err, String message) {
        err.println("new-period: " + message);
        err.flush();
        return ExitCode.USAGE;
    }
}
