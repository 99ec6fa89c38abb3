package org.kaoping.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.ingest.ContentJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * `kaoping publish --period ID --until DATE` marks a period 公示中 until that date;
 * `--final` marks it final. Pages say which (the period page's publication notice).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Mark a period provisional (公示中 until a date) or final.")
public final class PublishCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Option(names = "--period", required = true, description = "the period id, e.g. 2023-q3")
    String periodId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Status status;

    static final class Status {
        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "公示中 until this date")
        LocalDate until;

        @Option(names = "--final", description = "the results are final")
        boolean fin;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = folders.content.resolve("periods").resolve(periodId + ".json");
        if (!periodId.matches("[a-z0-9][a-z0-9.-]*") || !Files.isRegularFile(file)) {
            err.println("publish: 没有期次 " + periodId + "（" + file + "）");
            err.flush();
            return ExitCode.USAGE;
        }
        try {
            ObjectNode period = ContentJson.read(file);
            ObjectNode publication = period.objectNode();
            if (status.fin) {
                publication.put("status", "final");
                if (period.path("publication").has("until")) {
                    publication.put("until", period.path("publication").get("until").asText());
                }
            } else {
                publication.put("status", "provisional");
                publication.put("until", status.until.toString());
            }
            // Keep "publication" where the schema lists it, before the results, when it is new.
            ObjectNode ordered = period.objectNode();
            period.fields().forEachRemaining(e -> {
                if (e.getKey().equals("results") && !period.has("publication")) {
                    ordered.set("publication", publication);
                }
                ordered.set(e.getKey(), e.getKey().equals("publication") ? publication : e.getValue());
            });
            ContentJson.writeAtomically(file, ContentJson.bytes(ordered));
        } catch (IOException e) {
            err.println("publish: 无法写 " + file + "：" + e.getMessage());
            err.flush();
            return ExitCode.OUTPUT_REFUSED;
        }
        out.println("publish: " + periodId + (status.fin ? " 为最终结果" : " 公示中，至 " + status.until));
        out.flush();
        return ExitCode.OK;
    }
}
