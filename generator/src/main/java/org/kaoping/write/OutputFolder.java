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
import java.util.Map;
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
public final class OutputFolder implements AutoCloseable {
    private final Path out;
    private final Path staging;
    private final Path previous;
    private final String audience;
    private final BuildLock lock;
    private final List<String> notes = new ArrayList<>();
    /** The files this build found to be Kaoping's: checked again before the swap and the deletion without reading. */
    private final VerifiedFiles verified;
    private final boolean overCores;

    private OutputFolder(Path out, String audience, BuildLock lock, boolean overCores, VerifiedFiles verified) {
        this.verified = verified;
        this.overCores = overCores;
        this.out = out;
        this.staging = out.resolveSibling(out.getFileName() + ".staging");
        this.previous = out.resolveSibling(out.getFileName() + ".previous");
        this.audience = audience;
        this.lock = lock;
    }

    public Path path() {
        return out;
    }

    /** What opening the folder did on its own (a leftover of an interrupted build recovered), for the user. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** {@link #open(Path, List, String)} for a public build. */
    public static OutputFolder open(Path out, List<Path> inputs) {
        return open(out, inputs, "public");
    }

    /**
     * Checks that {@code out} may be (re)built, recovering from an interrupted build, and holds the
     * folder's lock until {@link #close()}.
     *
     * @param inputs   folders the build reads: the output may neither lie inside one nor contain one
     *                 (compared as real paths, so a symbolic link cannot hide an overlap)
     * @param audience "public" or "internal": an output is only ever replaced by a build for the same audience
     */
    public static OutputFolder open(Path out, List<Path> inputs, String audience) {
        return open(out, inputs, audience, true);
    }

    /** As {@link #open(Path, List, String)}; {@code overCores}: whether files are checked over all cores (`serve`: one). */
    public static OutputFolder open(Path out, List<Path> inputs, String audience, boolean overCores) {
        return open(out, inputs, audience, overCores, VerifiedFiles.forOneBuild());
    }

    /** As {@link #open(Path, List, String, boolean)}, files checked through {@code verified} (tests count its reads). */
    static OutputFolder open(Path out, List<Path> inputs, String audience, boolean overCores, VerifiedFiles verified) {
        Path abs = realPath(out);
        if (abs.getFileName() == null || abs.getParent() == null) {
            throw OutputException.refused("refusing to use " + abs + " as the output folder");
        }
        for (Path in : inputs) {
            Path i = realPath(in);
            if (abs.startsWith(i) || i.startsWith(abs)) {
                throw OutputException.refused("output folder " + abs + " overlaps the input folder " + i
                        + "; choose an output folder outside content/, rubrics/ and site-theme/");
            }
        }
        BuildLock lock = BuildLock.take(abs.resolveSibling(abs.getFileName() + ".lock"), abs);
        OutputFolder f = new OutputFolder(abs, audience, lock, overCores, verified);
        try {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || Files.exists(f.previous, LinkOption.NOFOLLOW_LINKS)) {
                // Under the lock: no other build rewrites it meanwhile. Without a site there is nothing to vouch for.
                f.verified.remember(IdentityMemo.read(lock));
            }
            f.recover();
            f.checkOut();
            f.clearLeftover(f.previous);
            f.clearLeftover(f.staging);
        } catch (IOException e) {
            f.close();
            throw new OutputException("cannot inspect output folder " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** Releases the folder's lock (the lock file stays: deleting it would let two builds hold two locks). */
    @Override
    public void close() {
        lock.close();
    }

    /**
     * The absolute path with every symbolic link resolved, for the part of it that exists (a new
     * output folder does not exist yet; its nearest existing ancestor does).
     */
    static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /** A swap interrupted between its two renames leaves only {@code <out>.previous}: put it back. */
    private void recover() throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)
                && notOurs(previous).isEmpty()) {
            move(previous, out);
            notes.add("restored " + out + " from " + previous.getFileName() + ", left by an interrupted build");
        }
    }

    /** Refuses an output that is not wholly Kaoping's; returns its marker as read (null: none, or no output). */
    private Manifest.Marker checkOut() throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isSymbolicLink(out) || !Files.isDirectory(out)) {
            throw OutputException.refused("output " + out + " exists and is not a folder; refusing to replace it");
        }
        Manifest.Marker marker = Manifest.read(out);
        if (marker == null) {
            List<String> present = Manifest.foreign(out, Set.of());
            if (present.isEmpty()) {
                return null;
            }
            throw OutputException.refused("output folder " + out + " is not empty and is not a Kaoping output (it has no "
                    + Manifest.NAME + " marker); refusing to replace it. Choose an empty or new folder, or move its "
                    + present.size() + " entr" + (present.size() == 1 ? "y" : "ies") + " away: " + sample(present));
        }
        if (!marker.audience().equals(audience)) {
            throw OutputException.refused("output folder " + out + " holds " + (marker.audience().equals("internal") ? "an internal" : "a public")
                    + " build; a" + (audience.equals("internal") ? "n internal" : " public")
                    + " build goes to a folder of its own (the internal site must never replace the public one, "
                    + "nor the reverse)");
        }
        List<String> problems = notOurs(out, marker, verified, overCores);
        if (!problems.isEmpty()) {
            throw OutputException.refused("output folder " + out + " holds files Kaoping did not write: "
                    + sample(problems) + "; move them away first (a build replaces the whole folder and deletes "
                    + "nothing it did not write)");
        }
        return marker;
    }

    /** Removes a staging or previous folder left by an interrupted build, if it is wholly Kaoping's. */
    private void clearLeftover(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> problems = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) ? notOurs(folder)
                : List.of("it is not a folder");
        if (!problems.isEmpty()) {
            throw OutputException.refused(folder + " is in the way of the build and is not wholly a Kaoping output ("
                    + sample(problems) + "); move it away");
        }
        deleteOwnChecked(folder);
        notes.add("removed " + folder + ", left by an interrupted build");
    }

    /**
     * Why the folder is not wholly Kaoping's: no marker, entries it does not list, listed files that
     * are not the regular files Kaoping wrote. Empty when it is.
     */
    private List<String> notOurs(Path folder) throws IOException {
        return notOurs(folder, verified, overCores);
    }

    private static List<String> notOurs(Path folder, VerifiedFiles verified, boolean overCores) throws IOException {
        return notOurs(folder, Manifest.read(folder), verified, overCores);
    }

    /** As {@link #notOurs(Path)}, with the folder's marker as read (null: it has none). */
    private static List<String> notOurs(Path folder, Manifest.Marker marker, VerifiedFiles verified, boolean overCores)
            throws IOException {
        if (marker == null) {
            List<String> present = Manifest.foreign(folder, Set.of());
            return present.isEmpty() ? List.of() : List.of("no " + Manifest.NAME + " marker");
        }
        List<String> problems = new ArrayList<>(Manifest.foreign(folder, marker.digests().keySet()));
        problems.addAll(Manifest.owned(folder, marker, verified, overCores));
        return problems;
    }

    /**
     * Deletes the files the marker lists, the marker, placeholders, then the emptied folders — only
     * after checking that all of it is Kaoping's; otherwise nothing at all.
     */
    static void deleteOwn(Path folder) throws IOException {
        deleteOwn(folder, VerifiedFiles.none(), false);
    }

    private void deleteOwnChecked(Path folder) throws IOException {
        deleteOwn(folder, verified, overCores);
    }

    private static void deleteOwn(Path folder, VerifiedFiles verified, boolean overCores) throws IOException {
        Manifest.Marker marker = Manifest.read(folder);
        List<String> problems = notOurs(folder, marker, verified, overCores);
        if (!problems.isEmpty()) {
            throw OutputException.refused("refusing to delete " + folder + ": " + sample(problems));
        }
        deleteChecked(folder, marker, overCores);
    }

    /**
     * Deletes a folder found wholly Kaoping's a moment ago, as {@code marker} (read by that check; null: it had none)
     * lists it: the listed files, the marker, placeholders, then the folders left empty. Only listed files are ever
     * deleted, so anything put there since the check stays, and so does its folder.
     */
    private static void deleteChecked(Path folder, Manifest.Marker marker, boolean overCores) throws IOException {
        Set<String> listed = marker == null ? Set.of() : marker.digests().keySet();
        deleteFiles(folder, List.copyOf(listed), overCores);
        for (String k : Manifest.KEPT) {
            Files.deleteIfExists(folder.resolve(k));
        }
        Files.deleteIfExists(Manifest.file(folder));
        List<String> dirs = new ArrayList<>(Manifest.folders(folder));
        dirs.sort(Comparator.comparingInt((String d) -> d.split("/").length).reversed());
        for (String d : dirs) {
            try (Stream<Path> s = Files.list(folder.resolve(d))) {
                if (s.findAny().isEmpty()) {
                    Files.delete(folder.resolve(d));
                }
            }
        }
        try (Stream<Path> s = Files.list(folder)) {
            if (s.findAny().isEmpty()) {
                Files.delete(folder);
                return;
            }
        }
        throw new OutputException("left " + folder + " in place: it holds files Kaoping did not write");
    }

    /**
     * How many files are deleted at once. Deleting is waiting, not computing: on a disk mounted with online discard
     * (this project's machine) deleting a province's previous site, 20,000 files already on disk, took 25 s one by one
     * and 5 s eight at a time (16: 4.5 s).
     */
    static final int DELETERS = 8;

    /** Deletes the files (listed and checked), {@link #DELETERS} at a time if {@code overCores}. */
    private static void deleteFiles(Path folder, List<String> files, boolean overCores) throws IOException {
        EachFile.run(files.size(), overCores ? DELETERS : 1, i -> Files.deleteIfExists(folder.resolve(files.get(i))));
    }

    /** Starts a build in a fresh staging folder beside the output. */
    public Staging stage() {
        try {
            Files.createDirectories(staging.getParent());
            Files.createDirectory(staging);
            Manifest.start(staging, audience);
        } catch (IOException e) {
            throw new OutputException("cannot create the staging folder " + staging + ": " + e.getMessage(), e);
        }
        return new Staging(this, staging, audience);
    }

    /**
     * Swaps a complete staging folder in for the output, then leaves the memo of its files for the next build.
     *
     * @param written    each file of the build and its digest, as its marker lists them
     * @param identities each file's identity as the build left it
     * @return warnings: the new site is in place, but the old one could not be removed entirely
     */
    List<String> swapIn(Path built, Map<String, String> written, Map<String, VerifiedFiles.Identity> identities)
            throws IOException {
        List<String> warnings = swapIn(built);
        IdentityMemo.write(lock, written, identities);
        return warnings;
    }

    private List<String> swapIn(Path built) throws IOException {
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            // Placeholders such as .gitkeep belong to the checkout, not to Kaoping: keep them.
            for (String k : Manifest.KEPT) {
                Path kept = out.resolve(k);
                if (Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(kept, built.resolve(k), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // Check again right before the swap: nothing foreign may have appeared while building. The previous site
            // is then deleted as this check found it, without a third look: the two renames are all that come between.
            Manifest.Marker checked = checkOut();
            move(out, previous);
            try {
                move(built, out);
            } catch (IOException e) {
                move(previous, out);
                throw e;
            }
            try {
                deleteChecked(previous, checked, overCores);
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
