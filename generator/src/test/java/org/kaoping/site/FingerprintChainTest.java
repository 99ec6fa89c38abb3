package org.kaoping.site;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** `serve`'s data version after changed files equals the whole digest, whether the files' bytes were kept or not. */
class FingerprintChainTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("after seeded edits of one or two files the chain's data version is Fingerprint.of's, with every, some or no file's bytes kept")
    void equalsWholeDigest() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path rubrics = Path.of("rubrics");
        List<Path> files;
        try (Stream<Path> s = Files.walk(content)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Random random = new Random(Long.getLong("kaoping.seed", 12));
        for (long kept : new long[]{FingerprintChain.KEPT_BYTES, 20_000, 0}) {
            FingerprintChain chain = FingerprintChain.of(content, rubrics, kept);
            assertEquals(Fingerprint.of(content, rubrics), chain.fingerprint());
            for (int round = 0; round < 6; round++) {
                Fingerprint was = chain.fingerprint();
                List<Path> changed = random.nextBoolean() ? List.of(files.get(random.nextInt(files.size())))
                        : List.of(files.get(random.nextInt(files.size())), files.get(random.nextInt(files.size())));
                for (Path p : changed) {
                    Files.writeString(p, Files.readString(p) + "\n" + round);
                }
                chain = chain.after(changed);
                assertEquals(Fingerprint.of(content, rubrics), chain.fingerprint(), "kept " + kept + ", round " + round);
                assertNotEquals(was, chain.fingerprint());
            }
        }
        Path stray = Files.writeString(tmp.resolve("elsewhere.json"), "{}");
        assertNull(FingerprintChain.of(content, rubrics).after(List.of(stray)), "a file outside content/ is not the chain's");
    }
}
