package org.kaoping.serve;

import java.nio.file.Path;
import java.util.Set;

/**
 * What changed since the last build, as the folder watch saw it: the paths of the files (or folders) named
 * by its events, absolute and normalised; {@code everything} when it cannot say (the first build, or events
 * were lost), and then a build must look at every file; {@code seenAt} ({@link System#nanoTime()}) when the
 * first of them was seen, from which a rebuild's time is told.
 */
public record Changes(Set<Path> paths, boolean everything, long seenAt) {
    public Changes {
        paths = Set.copyOf(paths);
    }

    public static Changes all() {
        return new Changes(Set.of(), true, System.nanoTime());
    }
}
