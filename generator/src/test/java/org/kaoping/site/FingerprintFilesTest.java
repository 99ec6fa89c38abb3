package org.kaoping.site;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.FileDigest;
import org.kaoping.support.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** `serve`'s data version after changed files equals the version of a fresh build of the same files. */
class FingerprintFilesTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("after seeded edits of one or two files, their lines made again give a fresh build's data version")
    void equalsFreshBuild() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = Path.of("rubrics");
        List<Path> files;
        try (Stream<Path> s = Files.walk(content)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Random random = new Random(Long.getLong("kaoping.seed", 12));
        CorpusLoader first = new CorpusLoader();
        first.load(content, rubrics);
        FingerprintFiles version = FingerprintFiles.of(content, rubrics, first.digests());
        assertEquals(FingerprintTest.definition(content, rubrics), version.fingerprint());
        for (int round = 0; round < 12; round++) {
            Fingerprint was = version.fingerprint();
            List<Path> changed = random.nextBoolean() ? List.of(files.get(random.nextInt(files.size())))
                    : List.of(files.get(random.nextInt(files.size())), files.get(random.nextInt(files.size())));
            Map<Path, FileDigest> digests = new HashMap<>();
            for (Path p : changed) {
                Files.writeString(p, Files.readString(p) + "\n" + round);
                digests.put(p, FileDigest.of(Files.readAllBytes(p)));
            }
            version = version.after(digests);
            CorpusLoader fresh = new CorpusLoader();
            fresh.load(content, rubrics);
            assertEquals(Fingerprint.of(content, rubrics, fresh.digests()), version.fingerprint(), "round " + round);
            assertEquals(FingerprintTest.definition(content, rubrics), version.fingerprint(), "round " + round);
            assertNotEquals(was, version.fingerprint());
        }
        Path stray = Files.writeString(tmp.resolve("elsewhere.json"), "{}");
        assertNull(version.after(Map.of(stray, FileDigest.of(new byte[0]))), "a file outside content/ has no line");
    }
}
