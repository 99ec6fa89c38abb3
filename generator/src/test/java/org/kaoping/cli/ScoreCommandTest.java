package org.kaoping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kaoping.load.RubricFingerprint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run score(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "score";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cmd.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @DisplayName("kaoping score prints the breakdown JSON: 库区's sheet totals 94.40")
    void printsBreakdown() throws Exception {
        Run r = score("content/sheets/2022-annual/kuqu.json");
        assertEquals(0, r.exit(), r.err());
        JsonNode b = new ObjectMapper().readTree(r.out());
        assertEquals("94.40", b.get("total").asText());
        assertEquals("1.50", b.get("sections").get(0).get("criteria").get(0).get("score").asText());
        assertEquals(15, b.get("sections").size());
    }

    @Test
    @DisplayName("a self-check export with rule inputs; its station's attributes come from the registry")
    void inputsAndFingerprint() throws Exception {
        String fp = RubricFingerprint.of(Path.of("rubrics/lushan-2022.json"));
        Path f = tmp.resolve("export.json");
        Files.writeString(f, "{\"rubric\": \"lushan-2022\", \"fingerprint\": \"" + fp + "\", \"station\": \"库区\","
                + " \"attributes\": {\"size\": \"large\"},"
                + " \"criteria\": {\"1.1\": {\"inputs\": {\"rules\": 1}}, \"11.1\": {\"inputs\": {\"consultations\": 168}}}}");
        Run r = score(f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode b = new ObjectMapper().readTree(r.out());
        assertEquals("98.90", b.get("total").asText(), "100 − 0.5 − 0.6");
    }

    @Test
    @DisplayName("an export made for another version of the rubric says so, and still scores")
    void staleFingerprint() throws Exception {
        Path f = tmp.resolve("old.json");
        Files.writeString(f, "{\"rubric\": \"lushan-2022\", \"fingerprint\": \"0123456789abcdef\", \"criteria\": {}}");
        Run r = score(f.toString());
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("warning: $.fingerprint: this sheet was made for another version of rubric lushan-2022"), r.err());
    }

    @Test
    @DisplayName("bad files: broken JSON, an unknown rubric, a wrong input — each a located error, exit 1")
    void badFiles() throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"rubric\": \"lushan-2022\",\n \"criteria\": {\"1.1\": {\"score\": 2,}}}");
        Run r1 = score(broken.toString());
        assertEquals(1, r1.exit());
        assertTrue(r1.err().startsWith(broken + ":2:"), r1.err());

        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, "{\"rubric\": \"lushan-2099\", \"criteria\": {}}");
        Run r2 = score(unknown.toString());
        assertEquals(1, r2.exit());
        assertTrue(r2.err().contains("$.rubric: unknown rubric \"lushan-2099\""), r2.err());

        Path wrong = tmp.resolve("wrong.json");
        Files.writeString(wrong, "{\"rubric\": \"lushan-2022\",\n  \"criteria\": {\"7.4\": {\"inputs\": {\"system\": 3}}}}");
        Run r3 = score(wrong.toString());
        assertEquals(1, r3.exit());
        assertTrue(r3.err().contains(wrong + ":2:")
                && r3.err().contains("$.criteria[\"7.4\"].inputs.system: expected 0 or an amount from 1 to 2, found 3"), r3.err());
    }
}
