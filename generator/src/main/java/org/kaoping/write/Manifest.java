package org.kaoping.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The marker file {@value #NAME} in every folder Kaoping writes: a header, then the path of each
 * file Kaoping wrote there. It is appended to while a build writes (so an interrupted staging
 * folder still says what is Kaoping's) and rewritten sorted when the build completes (so two
 * builds are byte-identical). Only files it lists are ever deleted.
 */
final class Manifest {
    static final String NAME = ".kaoping-output";
    static final String HEADER = "kaoping-output 1";
    static final String COMMENT = "# Written by `kaoping build`. The files below are Kaoping's own; the next build replaces this folder.";
    /** Version-control placeholders: tolerated in an output, carried over, never deleted. */
    static final Set<String> KEPT = Set.of(".gitkeep");

    private Manifest() {
    }

    static Path file(Path folder) {
        return folder.resolve(NAME);
    }

    static void start(Path folder) throws IOException {
        Files.writeString(file(folder), HEADER + "\n" + COMMENT + "\n", StandardCharsets.UTF_8);
    }

    static void append(Path folder, String relative) throws IOException {
        Files.writeString(file(folder), relative + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static void finish(Path folder, Set<String> written) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n').append(COMMENT).append('\n');
        new TreeSet<>(written).forEach(p -> b.append(p).append('\n'));
        Files.writeString(file(folder), b.toString(), StandardCharsets.UTF_8);
    }

    /** The listed files, or null when the folder has no valid marker. */
    static Set<String> read(Path folder) throws IOException {
        Path f = file(folder);
        if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Set<String> listed = new TreeSet<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank() && !l.startsWith("#")) {
                listed.add(l);
            }
        }
        return listed;
    }

    /** Every file under the folder, as '/'-separated relative paths, sorted. */
    static List<String> files(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.add(folder.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return out;
    }

    /** Files in the folder that Kaoping did not write (neither listed, nor the marker, nor a placeholder). */
    static List<String> foreign(Path folder, Set<String> listed) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : files(folder)) {
            if (!f.equals(NAME) && !KEPT.contains(f) && !listed.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
