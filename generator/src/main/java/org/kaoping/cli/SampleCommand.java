package org.kaoping.cli;

import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.model.Rubric;
import org.kaoping.sample.SampleContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `kaoping sample`: synthetic content of a chosen size, for benchmarks (BENCHMARKS.md). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write synthetic content (stations, periods, a full sheet per station and period) into a new folder.")
public final class SampleCommand implements Callable<Integer> {
    @Option(names = "--stations", required = true, description = "number of stations")
    int stations;

    @Option(names = "--periods", defaultValue = "8", description = "number of annual periods (default: ${DEFAULT-VALUE})")
    int periods;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rubric", defaultValue = "lushan-2022", description = "rubric id (default: ${DEFAULT-VALUE})")
    String rubric;

    @Option(names = "--rubrics", defaultValue = "rubrics", description = "rubrics folder (default: ${DEFAULT-VALUE})")
    Path rubrics;

    @Option(names = "--out", required = true, description = "content folder to write; must be new or empty")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> found = new ArrayList<>();
        Loaded<Rubric> r = FileLoader.load(rubrics.resolve(rubric + ".json"), SchemaCheck.RUBRIC, Rubric.class, found);
        if (r == null) {
            found.forEach(d -> err.println(d.format()));
            err.println("sample: cannot read rubric " + rubric + " from " + rubrics);
            err.flush();
            return 1;
        }
        long start = System.nanoTime();
        try {
            new SampleContent(r.value(), new SampleContent.Options(stations, periods, seed)).write(this.out);
        } catch (IOException | IllegalArgumentException e) {
            err.println("sample: " + e.getMessage());
            err.flush();
            return 1;
        }
        out.printf("sample: %d stations × %d periods (%d sheets) on %s written to %s in %.1f s%n", stations, periods,
                (long) stations * periods, rubric, this.out, (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
