package org.kaoping.cli;

import org.kaoping.write.DeployedCopy;
import org.kaoping.write.OutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * `kaoping verify DIR`: checks a deployed copy of a site against the SHA-256 manifest its build
 * wrote ({@code DIR/.kaoping-output}); one line per file added, removed or changed; exit 1 if any.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a copy of a built site against its SHA-256 manifest: names every file added, removed or changed.")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the folder holding the site (e.g. output/ or a deployed copy)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeployedCopy.Report report;
        try {
            report = DeployedCopy.verify(dir);
        } catch (OutputException e) {
            err.println("verify: " + e.getMessage());
            err.flush();
            return 1;
        }
        for (DeployedCopy.Difference d : report.differences()) {
            out.println(d.kind() + ": " + d.path());
        }
        if (report.differences().isEmpty()) {
            out.println("verify: " + dir + ": all " + report.listed() + " files match the manifest");
        } else {
            out.println("verify: " + dir + ": " + report.differences().size() + " file"
                    + (report.differences().size() == 1 ? "" : "s") + " differ from the manifest ("
                    + report.listed() + " listed)");
        }
        out.flush();
        return report.differences().isEmpty() ? 0 : 1;
    }
}
