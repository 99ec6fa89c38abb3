package org.kaoping.cli;

import org.kaoping.load.LoadCache;
import org.kaoping.render.DownloadsCache;
import org.kaoping.serve.BuildOutcome;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * `serve`'s writes of the output folder (after its {@link Preview} is updated): each the same as `kaoping build` (same checks, same staging and swap, same bytes), but
 * keeping from one build to the next what unchanged input gave — the files loaded and checked against
 * their schemas ({@link LoadCache}), and the period downloads of unchanged report pages ({@link DownloadsCache}) —
 * so that one changed sheet does not mean reading every sheet and writing every workbook again.
 */
final class Rebuilds {
    private final Folders folders;
    private final LoadCache loads;
    private final DownloadsCache downloads = new DownloadsCache();
    private final WriteGate gate;

    Rebuilds(Folders folders) {
        this(folders, new LoadCache());
    }

    /** @param loads shared with the preview, which reads the same files */
    Rebuilds(Folders folders, LoadCache loads) {
        this(folders, loads, null);
    }

    /** @param gate where the write waits while the preview rebuilds (null: never) */
    Rebuilds(Folders folders, LoadCache loads, WriteGate gate) {
        this.folders = folders;
        this.loads = loads;
        this.gate = gate;
    }

    /** One build, its printout captured for the terminal and the browser overlay. */
    BuildOutcome build() {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        BuildCommand command = new BuildCommand();
        command.loads = loads;
        command.downloads = downloads;
        if (gate != null) {
            // One core for the write, the other left to the preview; and the write waits while the preview rebuilds.
            command.threads = 1;
            command.giveWay = gate::pass;
        }
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(w);
        cmd.setErr(w);
        List<String> args = List.of("--content", folders.content.toString(), "--rubrics", folders.rubrics.toString(),
                "--theme", folders.theme.toString(), "--out", folders.out.toString());
        int exit = cmd.execute(args.toArray(String[]::new));
        if (exit == 0) {
            downloads.keep();
        } else {
            downloads.drop();
        }
        loads.sweep();
        return new BuildOutcome(exit == 0, text.toString().strip(), null);
    }
}
