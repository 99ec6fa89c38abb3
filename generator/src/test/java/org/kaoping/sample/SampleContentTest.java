package org.kaoping.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.cli.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kaoping sample`: valid content that `check` accepts without a finding, the same bytes for the same seed. */
class SampleContentTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample(String name, int stations, int periods, long seed) {
        Path out = tmp.resolve(name);
        Run r = run("sample", "--stations", "" + stations, "--periods", "" + periods, "--seed", "" + seed,
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return all;
    }

    @Test
    void checkFindsNothingWrongInASample() {
        Path content = sample("c", 60, 3, 7);
        Run r = run("check", "--content", content.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("check: 0 errors, 0 warnings"), r.out());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherContent() throws IOException {
        Map<String, String> a = files(sample("a", 40, 2, 11));
        Map<String, String> b = files(sample("b", 40, 2, 11));
        Map<String, String> c = files(sample("c", 40, 2, 12));
        assertEquals(a, b);
        assertEquals(1 + 1 + 2 + 40 * 2, a.size(), a.keySet().toString());
        assertNotEquals(a.get("sheets/2022-annual/s00001.json"), c.get("sheets/2022-annual/s00001.json"));
    }

    @Test
    void everySheetIsCompleteAndEveryLossHasAChineseReason() throws IOException {
        Path content = sample("r", 200, 1, 3);
        ObjectMapper json = new ObjectMapper();
        int losses = 0;
        try (Stream<Path> s = Files.list(content.resolve("sheets/2022-annual"))) {
            for (Path f : s.toList()) {
                JsonNode criteria = json.readTree(f.toFile()).get("criteria");
                assertEquals(47, criteria.size(), f.toString());
                for (JsonNode e : criteria) {
                    if (e.has("reason")) {
                        losses++;
                        assertTrue(e.get("reason").asText().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
                    }
                }
            }
        }
        // About 18 % of 47 criteria lose points: far from none and far from all.
        assertTrue(losses > 200 * 47 / 10 && losses < 200 * 47 / 4, "losses " + losses);
    }

    @Test
    void stationNamesAreUniqueBeyondTheTwoCharacterNames() {
        var stations = StationNaming.stations(20_000, 5);
        Set<String> names = new HashSet<>();
        stations.forEach(s -> assertTrue(names.add(s.name()), s.name()));
        assertTrue(stations.get(0).name().endsWith("司法所"));
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Run r = run("sample", "--stations", "5", "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not empty"), r.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }
}
