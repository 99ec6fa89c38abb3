package org.kaoping.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and everything under them (new subfolders included) and calls back once per
 * burst of changes: editors save through temporary files, so events are gathered for a short quiet
 * time before one rebuild.
 */
final class FolderWatch implements AutoCloseable {
    private static final long QUIET_MS = 200;
    private final WatchService watcher;
    private final Thread thread;

    FolderWatch(List<Path> roots, Runnable onChange) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        this.thread = new Thread(() -> loop(onChange), "kaoping-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                for (WatchKey more; (more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null; ) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            // closed: stop watching
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (var e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException ignored) {
                    // gone again before we could watch it
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
