package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.CorpusLoader;
import org.kaoping.support.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data version is its definition (ARCHITECTURE.md), made from the bytes the loader read. */
class FingerprintTest {
    @TempDir
    Path tmp;

    /**
     * The definition, written out apart from {@link FingerprintFiles}: every regular *.json file below content/ and
     * rubrics/ (links followed) as "label/path" (a newline in it written \n), tab, length, tab, SHA-256 in hex, newline;
     * by path (then the file's own path); one SHA-256 over the lines.
     */
    static Fingerprint definition(Path content, Path rubrics) throws Exception {
        record Line(String name, String own, String text) {
        }
        List<Line> lines = new ArrayList<>();
        for (String label : List.of("content", "rubrics")) {
            Path root = (label.equals("content") ? content : rubrics).toRealPath();
            try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    String name = label + "/" + root.relativize(p).toString().replace('\\', '/');
                    lines.add(new Line(name, root.relativize(p).toString(), name.replace("\n", "\\n") + "\t" + bytes.length + "\t"
                            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\n"));
                }
            }
        }
        lines.sort(Comparator.comparing(Line::name).thenComparing(Line::own));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        lines.forEach(l -> md.update(l.text().getBytes(StandardCharsets.UTF_8)));
        return new Fingerprint(HexFormat.of().formatHex(md.digest()));
    }

    private Path rubricsCopy() throws IOException {
        Path to = Files.createDirectories(tmp.resolve("rubrics"));
        try (Stream<Path> s = Files.list(Path.of("rubrics"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()));
            }
        }
        assertTrue(Files.exists(to.resolve("rubric.schema.json")), "a file the loader does not read is among them");
        return to;
    }

    /** The sheet files below content/, in path order. */
    private static List<Path> sheets(Path content) throws IOException {
        try (Stream<Path> s = Files.walk(content.resolve("sheets"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The version a build of these folders prints: from the digests its loader made. */
    private static Fingerprint built(CorpusLoader loader, Path content, Path rubrics) {
        return Fingerprint.of(content, rubrics, loader.digests());
    }

    @Test
    void theBuildsVersionIsTheDefinitionOverTheFilesIncludingThoseTheLoaderDoesNotRead() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = rubricsCopy();
        Path notes = Files.writeString(Files.createDirectories(content.resolve("notes")).resolve("extra.json"), "{}");
        CorpusLoader loader = new CorpusLoader();
        loader.load(content, rubrics);
        try (Stream<Path> s = Files.walk(content.resolve("sheets"))) {
            for (Path sheet : s.filter(Files::isRegularFile).toList()) {
                assertTrue(loader.digests().containsKey(sheet), "digested where the loader read it: " + sheet);
            }
        }
        assertTrue(loader.digests().containsKey(content.resolve("stations.json")));
        assertTrue(loader.digests().containsKey(rubrics.resolve("lushan-2022.json")));
        assertTrue(loader.digests().keySet().stream().noneMatch(p -> p.endsWith("extra.json")
                || p.endsWith("rubric.schema.json")), "never read by the loader");
        Fingerprint v = definition(content, rubrics);
        assertEquals(v, built(loader, content, rubrics));
        assertEquals(v, Fingerprint.of(content, rubrics));

        Files.writeString(notes, "{ }");
        Fingerprint notesChanged = definition(content, rubrics);
        assertNotEquals(v, notesChanged, "a file the loader does not read still counts");
        assertEquals(notesChanged, built(loader, content, rubrics));
        Path schema = rubrics.resolve("rubric.schema.json");
        Files.writeString(schema, Files.readString(schema) + "\n");
        assertNotEquals(notesChanged, definition(content, rubrics));
        assertEquals(definition(content, rubrics), built(loader, content, rubrics));
    }

    @Test
    void aFileChangedOrRemovedAfterLoadingDoesNotChangeTheVersionOfThatBuild() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = Path.of("rubrics");
        Fingerprint asLoaded = definition(content, rubrics);
        CorpusLoader loader = new CorpusLoader();
        loader.load(content, rubrics);
        List<Path> sheets = sheets(content);
        Path edited = sheets.get(5);
        Files.writeString(edited, Files.readString(edited) + " ");
        assertNotEquals(asLoaded, definition(content, rubrics));
        assertEquals(asLoaded, built(loader, content, rubrics), "the version names the bytes that were loaded");
        Files.delete(sheets.get(7));
        assertEquals(asLoaded, built(loader, content, rubrics), "a file read and removed since still counts");
        assertEquals(definition(content, rubrics), Fingerprint.of(content, rubrics));
    }

    /**
     * Rubrics kept inside content/: each rubric is found by both walks, so as many files removed since loading as
     * there are rubrics must still count (a count of the files found again would have said none was missing).
     */
    @Test
    void filesRemovedAfterLoadingStillCountWhenTheRubricsLieInsideContent() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = Files.createDirectories(content.resolve("rubrics"));
        List<Path> rubricFiles;
        try (Stream<Path> s = Files.list(Path.of("rubrics"))) {
            rubricFiles = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                    .sorted().toList();
        }
        for (Path p : rubricFiles) {
            Files.copy(p, rubrics.resolve(p.getFileName().toString()));
        }
        Fingerprint asLoaded = definition(content, rubrics);
        CorpusLoader loader = new CorpusLoader();
        loader.load(content, rubrics);
        List<Path> sheets = sheets(content);
        for (int i = 0; i < rubricFiles.size(); i++) {
            Files.delete(sheets.get(i));
        }
        assertEquals(asLoaded, built(loader, content, rubrics), "files read and removed since still count");
    }

    @Test
    void differentFilesNeverGiveTheSameVersion() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = Path.of("rubrics");
        Path notes = Files.createDirectories(content.resolve("notes/a"));
        Files.writeString(notes.resolve("b.json"), "1");
        // A backslash is a separator on Windows and a letter here: the two files share a '/'-separated path.
        Path twin = Files.writeString(content.resolve("notes/a\\b.json"), "2");
        Fingerprint v = Fingerprint.of(content, rubrics);
        assertEquals(definition(content, rubrics), v);
        Files.writeString(notes.resolve("b.json"), "2");
        Files.writeString(twin, "1");
        Fingerprint swapped = Fingerprint.of(content, rubrics);
        assertEquals(definition(content, rubrics), swapped);
        assertNotEquals(v, swapped, "the same lines' texts in the other files");
        // The same bytes under another name.
        Files.move(twin, content.resolve("notes/c.json"));
        assertNotEquals(swapped, Fingerprint.of(content, rubrics));
        // A folder whose name holds a newline: its one file's path would read as a line and the next file's path, as
        // the lines of the two files after it.
        Files.delete(content.resolve("notes/c.json"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("1".getBytes(StandardCharsets.UTF_8)));
        Path folder = Files.createDirectories(content.resolve("notes/c.json\t1\t" + sha + "\ncontent/notes"));
        Path odd = Files.writeString(folder.resolve("d.json"), "1");
        Fingerprint one = Fingerprint.of(content, rubrics);
        assertEquals(definition(content, rubrics), one);
        Files.delete(odd);
        Files.delete(folder);
        Files.delete(folder.getParent());
        Files.writeString(content.resolve("notes/c.json"), "1");
        Files.writeString(content.resolve("notes/d.json"), "1");
        assertNotEquals(one, Fingerprint.of(content, rubrics), "a newline in a name is not a line's end");
    }
}
