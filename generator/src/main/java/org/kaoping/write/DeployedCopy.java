package org.kaoping.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A copy of a built site (on the intranet server, a USB stick) checked against the manifest the
 * build wrote into it ({@link Manifest}): every file added, removed or changed since.
 */
public final class DeployedCopy {
    /** One difference: {@code kind} is "added", "removed" or "changed". */
    public record Difference(String kind, String path) {
    }

    /** The result: how many files the manifest lists, and every difference in path order. */
    public record Report(int listed, List<Difference> differences) {
    }

    private DeployedCopy() {
    }

    /** @throws OutputException when the folder is not a Kaoping output (no manifest, or one that cannot be trusted) */
    public static Report verify(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw OutputException.refused(folder + " is not a folder");
        }
        try {
            Manifest.Marker marker = Manifest.read(folder);
            if (marker == null) {
                throw OutputException.refused(folder + " has no " + Manifest.NAME
                        + " manifest; it is not a site built by Kaoping (or the manifest was not copied)");
            }
            List<Difference> diffs = new ArrayList<>();
            Set<String> listed = marker.digests().keySet();
            for (String f : Manifest.files(folder)) {
                if (!f.equals(Manifest.NAME) && !Manifest.KEPT.contains(f) && !listed.contains(f)) {
                    diffs.add(new Difference("added", f));
                }
            }
            for (var e : marker.digests().entrySet()) {
                Path p = folder.resolve(e.getKey());
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    diffs.add(new Difference("removed", e.getKey()));
                } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !Manifest.digest(p).equals(e.getValue())) {
                    diffs.add(new Difference("changed", e.getKey()));
                }
            }
            diffs.sort((a, b) -> a.path().compareTo(b.path()));
            return new Report(listed.size(), diffs);
        } catch (IOException e) {
            throw new OutputException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }
}
