package org.kaoping.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything under them (new subfolders included) and calls back once per
 * burst of changes with the paths its events named: editors save through temporary files, so events are
 * gathered for a short quiet time before one rebuild. Lost events (the kernel's queue overflowed) are
 * reported as {@link Changes#all()}.
 */
final class FolderWatch implements AutoCloseable {
    /** Long enough for an editor's save (temporary file, rename) to arrive as one burst; short beside a rebuild. */
    private static final long QUIET_MS = 50;
    private final WatchService watcher;
    private final Thread thread;

    FolderWatch(List<Path> roots, Consumer<Changes> onChange) throws IOException {
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

    private void loop(Consumer<Changes> onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                long seenAt = System.nanoTime();
                Set<Path> paths = new HashSet<>();
                boolean lost = drain(key, paths);
                for (WatchKey more; (more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null; ) {
                    lost |= drain(more, paths);
                }
                onChange.accept(lost ? new Changes(Set.of(), true, seenAt) : new Changes(paths, false, seenAt));
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            // closed: stop watching
        }
    }

    /** Collects the paths the key's events name; true when events were lost. */
    private boolean drain(WatchKey key, Set<Path> paths) {
        Path dir = (Path) key.watchable();
        boolean lost = false;
        for (var e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || !(e.context() instanceof Path)) {
                lost = true;
                continue;
            }
            paths.add(dir.resolve((Path) e.context()).toAbsolutePath().normalize());
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException ignored) {
                    // gone again before we could watch it
                }
            }
        }
        if (!key.reset()) {
            lost = true; // the folder itself went away
        }
        return lost;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
