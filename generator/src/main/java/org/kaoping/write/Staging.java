package org.kaoping.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A build in progress: files are written here, then {@link #commit()} swaps the folder in, or
 * {@link #discard()} removes it. Paths are checked so that no page can land outside the folder.
 */
public final class Staging {
    private final OutputFolder output;
    private final Path folder;
    private final Set<String> written = new LinkedHashSet<>();
    private long bytes;
    private volatile boolean closed;

    Staging(OutputFolder output, Path folder) {
        this.output = output;
        this.folder = folder;
    }

    /** Writes one file; {@code relative} is '/'-separated and must stay inside the output folder. */
    public void write(String relative, byte[] data) {
        write(relative, out -> out.write(data));
    }

    /** Writes a file's content as it is produced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes one file, streaming: the content goes to disk as it is rendered, never whole in memory.
     * Safe to call from several threads at once (the build renders pages in parallel).
     */
    public void write(String relative, Content content) {
        Path target = target(relative);
        claim(relative);
        long size;
        try {
            Files.createDirectories(target.getParent());
            try (var counting = new CountingStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16))) {
                content.writeTo(counting);
                size = counting.count;
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new OutputException("two outputs claim the same file " + relative);
        } catch (IOException e) {
            throw new OutputException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        addBytes(size);
    }

    /**
     * Lists a file in the marker before it is created, so that a build failing halfway through a file
     * (streamed pages) leaves nothing in staging that the marker does not name.
     */
    private synchronized void claim(String relative) {
        if (!written.add(relative)) {
            throw new OutputException("two outputs claim the same file " + relative);
        }
        try {
            Manifest.append(folder, relative);
        } catch (IOException e) {
            throw new OutputException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }

    private synchronized void addBytes(long size) {
        bytes += size;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Copies every file under {@code source} to {@code prefix}/…, in path order. Hidden files are skipped. */
    public int copyTree(Path source, String prefix) {
        return copyTree(source, prefix, (name, bytes) -> bytes);
    }

    /** As {@link #copyTree(Path, String)}, passing each file's name and bytes through {@code transform}. */
    public int copyTree(Path source, String prefix, java.util.function.BiFunction<String, byte[], byte[]> transform) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(source)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
        } catch (IOException e) {
            throw new OutputException("cannot read " + source + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            String rel = source.relativize(f).toString().replace('\\', '/');
            if (!rel.startsWith(".") && !rel.contains("/.")) {
                names.add(rel);
            }
        }
        names.sort(null);
        for (String rel : names) {
            try {
                write(prefix + "/" + rel, transform.apply(rel, Files.readAllBytes(source.resolve(rel))));
            } catch (IOException e) {
                throw new OutputException("cannot read " + source.resolve(rel) + ": " + e.getMessage(), e);
            }
        }
        return names.size();
    }

    private Path target(String relative) {
        if (closed) {
            throw new IllegalStateException("staging folder already committed or discarded");
        }
        boolean bad = relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || relative.contains(":") || Manifest.NAME.equals(relative) || Manifest.KEPT.contains(relative);
        for (String seg : relative.split("/", -1)) {
            bad |= seg.isEmpty() || seg.equals(".") || seg.equals("..");
        }
        Path target = folder.resolve(relative).normalize();
        if (bad || !target.startsWith(folder) || target.equals(folder)) {
            throw new OutputException("refusing to write \"" + relative + "\": the path would leave the output folder"
                    + " or replace its marker");
        }
        return target;
    }

    public synchronized int files() {
        return written.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    /**
     * Makes the build the output: marker sorted, then the atomic swap.
     *
     * @return warnings about the old site's removal (the new site is in place regardless)
     */
    public List<String> commit() {
        if (closed) {
            throw new IllegalStateException("staging folder already committed or discarded");
        }
        try {
            Manifest.finish(folder, written);
            List<String> warnings = output.swapIn(folder);
            closed = true;
            return warnings;
        } catch (IOException e) {
            throw new OutputException("cannot swap the new site into " + output.path() + ": " + e.getMessage()
                    + "; the previous site is unchanged", e);
        }
    }

    /** Removes the staging folder after a failure; the output folder is untouched. */
    public void discard() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Files.exists(folder)) {
                OutputFolder.deleteOwn(folder);
            }
        } catch (IOException | OutputException e) {
            // The staging folder is ours and marked; the next build clears it. Nothing else is at risk.
        }
    }
}
