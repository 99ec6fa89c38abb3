package org.kaoping.cli;

import org.kaoping.load.LoadCache;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * `kaoping serve`: build, serve on 127.0.0.1, rebuild on every change to content/, rubrics/ or
 * site-theme/, and reload the open pages; the site is served from memory ({@link Preview}), and the output
 * folder written after each good rebuild ({@link OutputWrites}). Runs until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build, serve the site on 127.0.0.1 and rebuild and reload on every change (Ctrl-C stops).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Option(names = "--port", defaultValue = "8080", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunPlan.beforeLoading(folders.content); // before anything else: it may hand serve to a second JVM
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Session session;
        try {
            session = Session.open(folders, port, o -> tell(o, out, err));
        } catch (BindException e) {
            err.println("serve: 端口 " + port + " 已被占用；换一个：--port 8081");
            err.flush();
            return ExitCode.USAGE;
        }
        LiveServer server = session.server();
        server.start(List.of(folders.content, folders.rubrics, folders.theme));
        out.println("serve: http://127.0.0.1:" + server.port() + "/  （修改 " + folders.content + "、" + folders.rubrics
                + "、" + folders.theme + " 后自动重建并刷新页面；Ctrl-C 停止）");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                session.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
            stop.countDown();
        }));
        stop.await();
        return ExitCode.OK;
    }

    /** The server with its preview and its output writes, wired as `serve` runs them (tests open one too). */
    record Session(LiveServer server, OutputWrites writes) implements AutoCloseable {
        static Session open(Folders folders, int port, java.util.function.Consumer<BuildOutcome> tell) throws IOException {
            LoadCache loads = new LoadCache();
            Preview preview = new Preview(folders, loads, Clock.systemUTC());
            // The output folder is written after the preview is updated, and only after a check that passed.
            WriteGate gate = new WriteGate();
            OutputWrites writes = new OutputWrites(new Rebuilds(folders, loads, gate)::build, tell);
            LiveServer server = new LiveServer(port, changes -> {
                gate.close();
                BuildOutcome o;
                try {
                    o = preview.build(changes);
                } finally {
                    gate.open(WriteGate.GRACE_MS);
                }
                if (o != null && o.ok()) {
                    writes.request();
                }
                return o;
            }, tell);
            return new Session(server, writes);
        }

        @Override
        public void close() throws IOException {
            server.close();
            writes.close();
        }
    }

    private static void tell(BuildOutcome o, PrintWriter out, PrintWriter err) {
        String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        PrintWriter w = o.ok() ? out : err;
        w.println("[" + time + "] " + (o.ok() ? "" : "构建失败，继续提供上一次成功构建的站点：\n") + o.report());
        w.flush();
    }
}
