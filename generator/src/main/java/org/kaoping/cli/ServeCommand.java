package org.kaoping.cli;

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
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * `kaoping serve`: build, serve on 127.0.0.1, rebuild on every change to content/, rubrics/ or
 * site-theme/, and reload the open pages. Runs until Ctrl-C.
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveServer server;
        try {
            Rebuilds builds = new Rebuilds(folders);
            server = new LiveServer(folders.out, port, builds::build, o -> tell(o, out, err));
        } catch (BindException e) {
            err.println("serve: 端口 " + port + " 已被占用；换一个：--port 8081");
            err.flush();
            return ExitCode.USAGE;
        }
        server.start(List.of(folders.content, folders.rubrics, folders.theme));
        out.println("serve: http://127.0.0.1:" + server.port() + "/  （修改 " + folders.content + "、" + folders.rubrics
                + "、" + folders.theme + " 后自动重建并刷新页面；Ctrl-C 停止）");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
            stop.countDown();
        }));
        stop.await();
        return ExitCode.OK;
    }

    private static void tell(BuildOutcome o, PrintWriter out, PrintWriter err) {
        String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        PrintWriter w = o.ok() ? out : err;
        w.println("[" + time + "] " + (o.ok() ? "" : "构建失败，继续提供上一次成功构建的站点：\n") + o.report());
        w.flush();
    }
}
