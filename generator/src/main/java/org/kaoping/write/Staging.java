package org.kaoping.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build in progress: files are written here, then {@link #commit()} swaps the folder in, or
 * {@link #discard()} removes it. Paths are checked so that no page can land outside the folder.
 */
public final class Staging {
    private final OutputFolder output;
    private final Path folder;
    private final String audience;
    private final Map<String, String> written = new LinkedHashMap<>();
    /** Each file's identity as Kaoping left it, for the next build ({@link IdentityMemo}). */
    private final Map<String, VerifiedFiles.Identity> identities = new java.util.concurrent.ConcurrentHashMap<>();
    private long bytes;
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> madeFolders = new java.util.concurrent.ConcurrentHashMap<>();
    private java.io.FileOutputStream marker; // opened under this object's lock, appended to by every thread
    private volatile boolean closed;

    Staging(OutputFolder output, Path folder, String audience) {
        this.output = output;
        this.folder = folder;
        this.audience = audience;
    }

    /** Writes one file; {@code relative} is '/'-separated and must stay inside the output folder. */
    public void write(String relative, byte[] data) {
        put(relative, target(relative), data); // as it is: no buffer to copy it through
    }

    /** Writes a file's content as it is produced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes one file from content produced by a writer (a page template). Safe to call from several
     * threads at once (the build renders pages in parallel); each file's digest is listed in the marker
     * before the file is created.
     */
    public void write(String relative, Content content) {
        Path target = target(relative);
        // The content is rendered into memory first (one page at a time per thread): its SHA-256 must be in
        // the marker before the file exists, so a page cannot go to disk while it is still being produced.
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 14);
        try {
            content.writeTo(buffer);
        } catch (IOException e) {
            throw new OutputException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        put(relative, target, buffer.toByteArray());
    }

    private void put(String relative, Path target, byte[] data) {
        String digest = Manifest.digest(data);
        boolean created = false;
        try {
            folderOf(target);
            // Listed first: a build killed between the two steps leaves a listed file missing, never an unlisted one.
            claim(relative, digest);
            Files.write(target, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            created = true;
            note(relative, target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new OutputException("two outputs claim the same file " + relative);
        } catch (IOException e) {
            if (!created) {
                // A half-written file (disk full) would not match its digest: it is ours, remove it now.
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // The next build sees a changed listed file and says so.
                }
            }
            throw new OutputException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        addBytes(data.length);
    }

    /**
     * Writes one file as its content is produced, straight to disk through a buffer, for files too large to
     * hold (a province period's workbook and report). The marker lists the file as {@link Manifest#PENDING}
     * before it is created and then with its digest once it is complete, so a build stopped in between still
     * leaves nothing unlisted (a later build removes the partial file as its own). Safe to call from several
     * threads at once; the bytes are those {@link #write(String, Content)} would write.
     */
    public void stream(String relative, Content content) {
        Path target = target(relative);
        boolean created = false;
        try {
            folderOf(target);
            claim(relative, Manifest.PENDING);
            DigestingStream out;
            try (java.io.OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                created = true;
                out = new DigestingStream(new java.io.BufferedOutputStream(file, 1 << 16));
                content.writeTo(out);
                out.flush();
            }
            note(relative, target);
            settle(relative, out.digest());
            addBytes(out.count);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new OutputException("two outputs claim the same file " + relative);
        } catch (IOException | RuntimeException e) {
            if (created) {
                try {
                    Files.deleteIfExists(target); // listed as pending: ours, and incomplete
                } catch (IOException ignored) {
                    // The next build removes it with the staging folder.
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new OutputException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }

    /**
     * Notes the file's identity the moment Kaoping has written it, so that whatever changes it after moves its ctime.
     * A file that cannot be looked at is only not remembered: the next build reads it.
     */
    private void note(String relative, Path target) {
        if (VerifiedFiles.SUPPORTED) {
            try {
                identities.put(relative, VerifiedFiles.identity(target));
            } catch (IOException e) {
                // Not remembered: the next build reads it.
            }
        }
    }

    /** Passes bytes on while computing their SHA-256 and counting them. */
    private static final class DigestingStream extends java.io.FilterOutputStream {
        private final java.security.MessageDigest sha;
        long count;

        DigestingStream(java.io.OutputStream out) {
            super(out);
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            sha.update((byte) b);
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }

        String digest() {
            return java.util.HexFormat.of().formatHex(sha.digest());
        }
    }

    /** Lists a streamed file's digest once it is complete (the marker's later line for a path is the one that counts). */
    private void settle(String relative, String digest) throws IOException {
        appendToMarker(relative, digest);
        synchronized (this) {
            written.put(relative, digest);
        }
    }

    /**
     * Lists a file and its digest in the marker before it is created, each path once (pages are
     * rendered and written in parallel).
     */
    private void claim(String relative, String digest) throws IOException {
        synchronized (this) {
            if (written.containsKey(relative)) {
                throw new OutputException("two outputs claim the same file " + relative);
            }
            written.put(relative, digest);
        }
        appendToMarker(relative, digest);
    }

    /**
     * Creates the file's folder once per build (a province's period folder holds 10,000 files): other threads
     * writing into the same folder wait until it exists.
     */
    private void folderOf(Path target) throws IOException {
        try {
            madeFolders.computeIfAbsent(target.getParent(), f -> {
                try {
                    Files.createDirectories(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One line appended to the marker, through a stream kept open for the build (one write per file, not an
     * open, write and close); unbuffered, so the line is in the file before the file it lists is created. Not
     * under the lock: each line is one write(2) to a file opened for appending, which the system appends whole
     * (a thread whose write waits on a busy disk does not hold up the others).
     */
    private void appendToMarker(String relative, String digest) throws IOException {
        java.io.FileOutputStream m;
        synchronized (this) {
            if (marker == null) {
                marker = new java.io.FileOutputStream(Manifest.file(folder).toFile(), true);
            }
            m = marker;
        }
        m.write(Manifest.line(relative, digest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private synchronized void closeMarker() throws IOException {
        if (marker != null) {
            marker.close();
            marker = null;
        }
    }

    private synchronized void addBytes(long size) {
        bytes += size;
    }

    /** A file read ahead of its writing ({@link #readTree}): where it goes under the output folder, and its bytes. */
    public record ReadFile(String relative, byte[] data) {
    }

    /**
     * Every file under {@code source}, as it goes to {@code prefix}/…, in path order, each file's name and bytes passed
     * through {@code transform}; hidden files are skipped. Read now, for {@link #writeAll} to write later (a build
     * reads its theme's files beside its check, not after its pages).
     */
    public static List<ReadFile> readTree(Path source, String prefix,
                                          java.util.function.BiFunction<String, byte[], byte[]> transform) {
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
        List<ReadFile> read = new ArrayList<>(names.size());
        for (String rel : names) {
            try {
                read.add(new ReadFile(prefix + "/" + rel, transform.apply(rel, Files.readAllBytes(source.resolve(rel)))));
            } catch (IOException e) {
                throw new OutputException("cannot read " + source.resolve(rel) + ": " + e.getMessage(), e);
            }
        }
        return read;
    }

    /** Writes files read ahead, in their order; returns how many. */
    public int writeAll(List<ReadFile> files) {
        for (ReadFile f : files) {
            write(f.relative(), f.data());
        }
        return files.size();
    }

    private Path target(String relative) {
        if (closed) {
            throw new IllegalStateException("staging folder already committed or discarded");
        }
        boolean bad = !Manifest.isPlainRelative(relative) || Manifest.NAME.equals(relative)
                || Manifest.KEPT.contains(relative);
        Path target = folder.resolve(relative).normalize();
        if (bad || !target.startsWith(folder) || target.equals(folder)) {
            throw new OutputException("refusing to write " + org.kaoping.load.Quote.of(relative) + ": the path would leave the output folder"
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
            synchronized (this) {
                closeMarker();
                Manifest.finish(folder, audience, written);
            }
            List<String> warnings = output.swapIn(folder, written, identities);
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
            closeMarker();
            if (Files.exists(folder)) {
                OutputFolder.deleteOwn(folder);
            }
        } catch (IOException | OutputException e) {
            // The staging folder is ours and marked; the next build clears it. Nothing else is at risk.
        }
    }
}
