package org.kaoping.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder a site is built into, replaced only by a complete build.
 * <ul>
 *   <li>A build writes into {@code <out>.staging} beside it, then swaps: {@code <out>} becomes
 *       {@code <out>.previous}, the staging folder becomes {@code <out>}, the previous one is removed.
 *       A failed build removes its staging folder and leaves {@code <out>} as it was.</li>
 *   <li>Every output carries a marker listing the files Kaoping wrote ({@link Manifest}). A folder
 *       that is neither empty nor such an output is refused, and so is one holding files the marker
 *       does not list: Kaoping never deletes what it did not write.</li>
 *   <li>A fresh folder per build means no stale files from removed content.</li>
 * </ul>
 */
public final class OutputFolder {
    private final Path out;
    private final Path staging;
    private final Path previous;

    private OutputFolder(Path out) {
        this.out = out;
        this.staging = out.resolveSibling(out.getFileName() + ".staging");
        this.previous = out.resolveSibling(out.getFileName() + ".previous");
    }

    public Path path() {
        return out;
    }

    /**
     * Checks that {@code out} may be (re)built, recovering from an interrupted swap.
     *
     * @param inputs folders the build reads: the output may neither lie inside one nor contain one
     */
    public static OutputFolder open(Path out, List<Path> inputs) {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new OutputException("refusing to use " + abs + " as the output folder");
        }
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            if (abs.startsWith(i) || i.startsWith(abs)) {
                throw new OutputException("output folder " + abs + " overlaps the input folder " + i
                        + "; choose an output folder outside content/, rubrics/ and site-theme/");
            }
        }
        OutputFolder f = new OutputFolder(abs);
        try {
            f.recover();
            f.checkOut();
            f.clearLeftover(f.previous);
            f.clearLeftover(f.staging);
        } catch (IOException e) {
            throw new OutputException("cannot inspect output folder " + abs + ": " + e.getMessage(), e);
        }
        return f;
    }

    /** A swap interrupted between its two renames leaves only {@code <out>.previous}: put it back. */
    private void recover() throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)
                && ours(previous)) {
            move(previous, out);
        }
    }

    private void checkOut() throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(out) || !Files.isDirectory(out)) {
            throw new OutputException("output " + out + " exists and is not a folder; refusing to replace it");
        }
        List<String> present = Manifest.files(out);
        present.removeIf(Manifest.KEPT::contains);
        if (present.isEmpty()) {
            return;
        }
        Set<String> listed = Manifest.read(out);
        if (listed == null) {
            throw new OutputException("output folder " + out + " is not empty and is not a Kaoping output (it has no "
                    + Manifest.NAME + " marker); refusing to replace it. Choose an empty or new folder, or move its "
                    + present.size() + " file(s) away.");
        }
        List<String> foreign = Manifest.foreign(out, listed);
        if (!foreign.isEmpty()) {
            throw new OutputException("output folder " + out + " holds files Kaoping did not write: " + sample(foreign)
                    + "; move them away first (a build replaces the whole folder and deletes nothing it did not write)");
        }
    }

    /** Removes a staging or previous folder left by an interrupted build, if it is wholly Kaoping's. */
    private void clearLeftover(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !ours(folder)) {
            throw new OutputException(folder + " is in the way of the build and is not wholly a Kaoping output; "
                    + "move it away");
        }
        deleteOwn(folder);
    }

    private static boolean ours(Path folder) throws IOException {
        Set<String> listed = Manifest.read(folder);
        return listed != null && Manifest.foreign(folder, listed).isEmpty();
    }

    /** Deletes the files the marker lists, the marker, placeholders, then the emptied folders. */
    static void deleteOwn(Path folder) throws IOException {
        Set<String> listed = Manifest.read(folder);
        if (listed == null) {
            // An output folder that held nothing but placeholders (a fresh checkout's output/.gitkeep).
            if (!Manifest.foreign(folder, Set.of()).isEmpty()) {
                throw new OutputException("refusing to delete " + folder + ": it has no " + Manifest.NAME + " marker");
            }
            listed = Set.of();
        }
        for (String f : listed) {
            Files.deleteIfExists(folder.resolve(f));
        }
        for (String k : Manifest.KEPT) {
            Files.deleteIfExists(folder.resolve(k));
        }
        Files.deleteIfExists(Manifest.file(folder));
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(dirs::add);
        }
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(d);
                }
            }
        }
        if (Files.exists(folder)) {
            throw new OutputException("left " + folder + " in place: it holds files Kaoping did not write");
        }
    }

    /** Starts a build in a fresh staging folder beside the output. */
    public Staging stage() {
        try {
            Files.createDirectories(staging.getParent());
            Files.createDirectory(staging);
            Manifest.start(staging);
        } catch (IOException e) {
            throw new OutputException("cannot create the staging folder " + staging + ": " + e.getMessage(), e);
        }
        return new Staging(this, staging);
    }

    /**
     * Swaps a complete staging folder in for the output.
     *
     * @return warnings: the new site is in place, but the old one could not be removed entirely
     */
    List<String> swapIn(Path built) throws IOException {
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            // Placeholders such as .gitkeep belong to the checkout, not to Kaoping: keep them.
            for (String k : Manifest.KEPT) {
                Path kept = out.resolve(k);
                if (Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(kept, built.resolve(k), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // Check again right before the swap: nothing foreign may have appeared while building.
            checkOut();
            move(out, previous);
            try {
                move(built, out);
            } catch (IOException e) {
                move(previous, out);
                throw e;
            }
            try {
                deleteOwn(previous);
            } catch (IOException | OutputException e) {
                // The new site is in place; the old one stays beside it, and the next build retries.
                return List.of("could not remove the previous site " + previous + ": " + e.getMessage());
            }
        } else {
            move(built, out);
        }
        return List.of();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String sample(List<String> files) {
        List<String> shown = files.subList(0, Math.min(5, files.size()));
        return String.join(", ", shown) + (files.size() > shown.size() ? " (and " + (files.size() - shown.size()) + " more)" : "");
    }
}
