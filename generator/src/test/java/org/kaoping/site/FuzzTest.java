package org.kaoping.site;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.StationRegistry;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;
import org.kaoping.validate.RubricConsistency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of the sample's own files (issue 8): structure, types, numbers of every magnitude,
 * encodings, ids, private-name marks, huge texts, and (through the command line) links, pipes and
 * devices in place of files. Every run must end in success or located findings — never another
 * exception, a hang, a stack trace or a write outside the output folder.
 * <p>
 * Three tiers keep it cheap: many single-file runs (load, then the rubric's checks or the sheet's
 * scoring), fewer whole {@code check} runs, a few whole {@code build} and {@code score} runs.
 * Replay with {@code -Dkaoping.seed=N}; scale with {@code -Dkaoping.fuzz.files/checks/builds}.
 */
@Order(7) // among the longest classes: started early (junit-platform.properties)
class FuzzTest {
    private static final long SEED = Long.getLong("kaoping.seed", 8L);
    private static final int FILES = Integer.getInteger("kaoping.fuzz.files", 3000);
    private static final int CHECKS = Integer.getInteger("kaoping.fuzz.checks", 120);
    private static final int BUILDS = Integer.getInteger("kaoping.fuzz.builds", 6);

    // What a mutation replaces is each pattern's first group: a number after its ':', '[' or ',' (a look-behind
    // found the same spans 13 times slower), a whole string, a whole id member.
    private static final int SPAN = 1;
    private static final Pattern NUMBER = Pattern.compile("[:\\[,]\\s{0,20}(-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?)");
    private static final Pattern STRING = Pattern.compile("(\"(?:[^\"\\\\]++|\\\\.)*+\")");
    private static final Pattern ID = Pattern.compile("(\"(id|station|rubric|criterion|previous)\": \"([^\"]*)\")");
    private static final List<String> NUMBERS = List.of("0", "-0", "1e308", "1e-308", "1e100000000", "-1e999999999",
            "1E+2147483647", "1E+2147483648", "1e-999999999", "90500000", "-2147483649", "2147483648", "0.1234567",
            "1.5", "-1", "99.99", "1e9", "999999999.999999", "100.000001", "0.5", "2", "1" + "0".repeat(3000), "NaN",
            "Infinity", "\"5\"", "true", "null");
    private static final List<String> VALUES = List.of("null", "true", "false", "[]", "{}", "\"\"", "\"x\"", "0", "[1]",
            "{\"a\": 1}", "\"{{\"", "\"{{薛新义}}\"", "\"\\ud800\"", "\"\\u202e\"", "\"\\u0000\"", "\"" + "长".repeat(30000) + "\"");
    private static final List<String> IDS = List.of("../x", "", "A B", "a/b", "..", "x".repeat(300), "薛", "kuqu",
            "guanyinsi", "s1-h", "1.1", "lushan-2022", "2022-annual", "nosuch", "\\u202ekuqu", "kuqu\\n");
    private static final String JUNK = "{}[],:\"\\ \n0-e.";

    /** The samples' matches by pattern and text: a few dozen lists, for the run. */
    private static final Map<List<Object>, List<MatchResult>> SAMPLE_MATCHES = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    private record Sample(Path file, String kind, String text) {
    }

    private static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (Path root : List.of(SiteBuild.CONTENT, SiteBuild.RUBRICS)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                        .sorted().toList()) {
                    String rel = root.relativize(f).toString();
                    String kind = root.equals(SiteBuild.RUBRICS) ? "rubric" : rel.startsWith("sheets") ? "sheet"
                            : rel.startsWith("periods") ? "period" : rel.equals("stations.json") ? "stations" : "site";
                    out.add(new Sample(f, kind, Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    /** One to three mutations of a sample's text, described for the failure message. */
    private static byte[] mutate(String text, Random rnd, StringBuilder what) {
        String t = text;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(10);
            switch (kind) {
                case 0, 1 -> {
                    String v = NUMBERS.get(rnd.nextInt(NUMBERS.size()));
                    t = replaceOne(t, t == text, NUMBER, m -> v, rnd);
                    what.append(" number→").append(v.length() > 20 ? v.substring(0, 20) + "…" : v);
                }
                case 2 -> {
                    String v = VALUES.get(rnd.nextInt(VALUES.size()));
                    t = replaceOne(t, t == text, rnd.nextBoolean() ? STRING : NUMBER, m -> v, rnd);
                    what.append(" value→").append(v.length() > 20 ? v.substring(0, 20) + "…" : v);
                }
                case 3 -> {
                    String v = IDS.get(rnd.nextInt(IDS.size()));
                    t = replaceOne(t, t == text, ID, m -> "\"" + m.group(2) + "\": \"" + v + "\"", rnd);
                    what.append(" id→").append(v.length() > 20 ? v.substring(0, 20) + "…" : v);
                }
                case 4 -> {
                    int at = rnd.nextInt(t.length());
                    t = t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + rnd.nextInt(3)));
                    what.append(" delete@").append(at);
                }
                case 5 -> {
                    int at = rnd.nextInt(t.length());
                    t = t.substring(0, at) + JUNK.charAt(rnd.nextInt(JUNK.length())) + t.substring(at);
                    what.append(" insert@").append(at);
                }
                case 6 -> {
                    List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
                    int a = rnd.nextInt(lines.size());
                    switch (rnd.nextInt(3)) {
                        case 0 -> lines.add(a, lines.get(a));
                        case 1 -> lines.remove(a);
                        default -> {
                            int b = rnd.nextInt(lines.size());
                            String x = lines.get(a);
                            lines.set(a, lines.get(b));
                            lines.set(b, x);
                        }
                    }
                    t = String.join("\n", lines);
                    what.append(" lines@").append(a);
                }
                case 7 -> {
                    int at = rnd.nextInt(t.length());
                    t = t.substring(0, at);
                    what.append(" truncate@").append(at);
                }
                case 8 -> {
                    String mark = List.of("{{", "}}", "{{薛新义}}", "{{}}", "矫正对象王小明、").get(rnd.nextInt(5));
                    t = replaceOne(t, t == text, STRING,
                            m -> m.group(SPAN).substring(0, m.group(SPAN).length() - 1) + mark + "\"", rnd);
                    what.append(" mark ").append(mark);
                }
                default -> what.append(" (encoding only)");
            }
        }
        byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
        switch (rnd.nextInt(12)) {
            case 0 -> {
                byte[] b = new byte[bytes.length + 3];
                b[0] = (byte) 0xEF;
                b[1] = (byte) 0xBB;
                b[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, b, 3, bytes.length);
                what.append(" +BOM");
                return b;
            }
            case 1 -> {
                what.append(" UTF-16");
                return t.getBytes(StandardCharsets.UTF_16);
            }
            case 2 -> {
                if (bytes.length > 0) {
                    bytes[rnd.nextInt(bytes.length)] = (byte) 0xFF;
                }
                what.append(" invalid byte");
                return bytes;
            }
            default -> {
                return bytes;
            }
        }
    }

    /**
     * Replaces one of the first 2,000 matches of {@code p}, chosen by {@code rnd}. Finding them in a whole rubric
     * costs more than the rest of a mutation, so an unchanged sample's ({@code sample}) are found once a run.
     */
    private static String replaceOne(String t, boolean sample, Pattern p, Function<MatchResult, String> with,
                                     Random rnd) {
        List<MatchResult> found = sample ? SAMPLE_MATCHES.computeIfAbsent(List.of(p, t), k -> matches(t, p))
                : matches(t, p);
        if (found.isEmpty()) {
            return t;
        }
        MatchResult m = found.get(rnd.nextInt(found.size()));
        return t.substring(0, m.start(SPAN)) + with.apply(m) + t.substring(m.end(SPAN));
    }

    private static List<MatchResult> matches(String t, Pattern p) {
        Matcher m = p.matcher(t);
        List<MatchResult> out = new ArrayList<>();
        while (out.size() < 2000 && m.find()) {
            out.add(m.toMatchResult());
        }
        return out;
    }

    private static void located(List<Diagnostic> found, Path file, String what) {
        for (Diagnostic d : found) {
            assertTrue(d.file() != null && d.line() >= 1 && d.column() >= 1 && !d.message().isBlank()
                    && d.message().length() < 1100, what + ": " + d.format());
            if (file != null) {
                assertEquals(file, d.file(), what + ": " + d.format());
            }
        }
    }

    /** Runs one case with a deadline; any exception or hang fails the test with the case's description. */
    private static void bounded(ExecutorService pool, String what, Runnable run) {
        Future<?> f = pool.submit(run);
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            fail("hang: " + what);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError("unexpected " + e.getCause() + " in " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted: " + what);
        }
    }

    @Test
    void mutatedSampleFilesEndInSuccessOrLocatedFindings() throws Exception {
        List<Sample> samples = samples();
        Map<String, Rubric> rubrics = new HashMap<>();
        for (Sample s : samples) {
            if (s.kind().equals("rubric")) {
                Loaded<Rubric> r = FileLoader.load(s.file(), SchemaCheck.RUBRIC, Rubric.class, new ArrayList<>());
                rubrics.put(r.value().id(), r.value());
            }
        }
        Random rnd = new Random(SEED);
        Path dir = Files.createDirectories(temp.resolve("files"));
        Map<String, Integer> outcomes = new HashMap<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < FILES; i++) {
                Sample s = samples.get(rnd.nextInt(samples.size()));
                StringBuilder what = new StringBuilder("seed " + SEED + " case " + i + " " + s.file() + ":");
                byte[] bytes = mutate(s.text(), rnd, what);
                Path f = dir.resolve(s.file().getFileName());
                Files.write(f, bytes);
                String w = what.toString();
                bounded(pool, w, () -> outcomes.merge(runOne(s.kind(), f, rubrics, w), 1, Integer::sum));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("FUZZ files: seed " + SEED + ", " + FILES + " cases: " + new java.util.TreeMap<>(outcomes));
        assertTrue(outcomes.getOrDefault("refused", 0) > FILES / 4, "most mutations are refused: " + outcomes);
        assertTrue(outcomes.getOrDefault("loaded", 0) + outcomes.getOrDefault("scored", 0) > FILES / 20,
                "some mutations still load: " + outcomes);
    }

    private static String runOne(String kind, Path f, Map<String, Rubric> rubrics, String what) {
        List<Diagnostic> found = new ArrayList<>();
        switch (kind) {
            case "rubric" -> {
                Loaded<Rubric> r = FileLoader.load(f, SchemaCheck.RUBRIC, Rubric.class, found);
                located(found, f, what);
                if (r == null) {
                    return "refused";
                }
                List<Diagnostic> more = RubricConsistency.check(r);
                located(more, f, what);
                return "loaded";
            }
            case "sheet" -> {
                Loaded<Sheet> s = FileLoader.load(f, SchemaCheck.SHEET, Sheet.class, found);
                located(found, f, what);
                if (s == null) {
                    return "refused";
                }
                Rubric r = rubrics.get(s.value().rubric());
                if (r == null) {
                    return "loaded";
                }
                try {
                    new SheetScorer().score(r, s.value());
                    return "scored";
                } catch (ScoreException e) {
                    located(List.of(s.source().error(e.path(), e.detail())), f, what);
                    return "score refused";
                }
            }
            case "period" -> {
                return FileLoader.load(f, SchemaCheck.PERIOD, Period.class, found) == null ? located(found, f, what, "refused")
                        : located(found, f, what, "loaded");
            }
            case "stations" -> {
                return FileLoader.load(f, SchemaCheck.STATIONS, StationRegistry.class, found) == null
                        ? located(found, f, what, "refused") : located(found, f, what, "loaded");
            }
            default -> {
                return FileLoader.load(f, SchemaCheck.SITE, SiteConfig.class, found) == null
                        ? located(found, f, what, "refused") : located(found, f, what, "loaded");
            }
        }
    }

    private static String located(List<Diagnostic> found, Path f, String what, String outcome) {
        located(found, f, what);
        return outcome;
    }

    /** Whole commands on a scratch copy with one file mutated or replaced by a link, pipe or folder. */
    @Test
    void wholeCommandsOnAMutatedCopyNeverThrowHangOrWriteOutsideTheOutput() throws Exception {
        Path content = SiteBuild.copy(SiteBuild.CONTENT, temp.resolve("content"));
        Path rubricsDir = SiteBuild.copy(SiteBuild.RUBRICS, temp.resolve("rubrics"));
        List<Sample> samples = new ArrayList<>();
        for (Sample s : samples()) {
            Path scratch = s.kind().equals("rubric") ? rubricsDir.resolve(SiteBuild.RUBRICS.relativize(s.file()).toString())
                    : content.resolve(SiteBuild.CONTENT.relativize(s.file()).toString());
            samples.add(new Sample(scratch, s.kind(), s.text()));
        }
        Random rnd = new Random(SEED + 1);
        Map<Integer, Integer> exits = new HashMap<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < CHECKS + BUILDS; i++) {
                boolean build = i >= CHECKS;
                Sample s = samples.get(rnd.nextInt(samples.size()));
                StringBuilder what = new StringBuilder("seed " + (SEED + 1) + " command case " + i + " "
                        + (build ? "build " : "check ") + s.file() + ":");
                int special = rnd.nextInt(20);
                Files.delete(s.file());
                switch (special) {
                    case 0 -> {
                        Files.createSymbolicLink(s.file(), Path.of("/dev/zero"));
                        what.append(" → /dev/zero");
                    }
                    case 1 -> {
                        Files.createSymbolicLink(s.file(), temp.resolve("nowhere"));
                        what.append(" → dangling link");
                    }
                    case 2 -> {
                        Files.createDirectory(s.file());
                        what.append(" → folder");
                    }
                    case 3 -> {
                        assertEquals(0, new ProcessBuilder("mkfifo", s.file().toString()).start().waitFor());
                        what.append(" → pipe");
                    }
                    default -> Files.write(s.file(), mutate(s.text(), rnd, what));
                }
                Set<String> before = listing(temp);
                Path out = temp.resolve("out");
                String w = what.toString();
                Cli.Run[] run = new Cli.Run[1];
                bounded(pool, w, () -> run[0] = build
                        ? Cli.run("build", "--content", content.toString(), "--rubrics", rubricsDir.toString(),
                        "--out", out.toString())
                        : Cli.run("check", "--content", content.toString(), "--rubrics", rubricsDir.toString()));
                Cli.Run r = run[0];
                exits.merge(r.exitCode(), 1, Integer::sum);
                assertTrue(Set.of(0, 1).contains(r.exitCode()), w + " exit " + r.exitCode() + "\n" + r.all());
                assertTrue(!r.all().contains("\tat ") && !r.all().contains("internal error"), w + "\n" + r.all());
                for (String line : r.all().split("\n")) {
                    assertTrue(line.length() < 1200, w + ": a " + line.length() + "-character line");
                    assertTrue(line.isEmpty() || line.matches("(?s)(/|[a-zA-Z]).*"), w + ": " + line);
                }
                Set<String> after = listing(temp);
                after.removeAll(before);
                after.removeIf(p -> p.equals("out") || p.equals("out.lock") || p.startsWith("out/"));
                assertEquals(Set.of(), after, w + ": written outside the output folder");
                if (build && r.exitCode() == 0) {
                    Cli.Run v = Cli.run("verify", out.toString());
                    assertEquals(0, v.exitCode(), w + "\n" + v.all());
                }
                // Restore the file (it may now be a link, pipe or folder).
                if (Files.isDirectory(s.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(s.file());
                } else {
                    Files.deleteIfExists(s.file());
                }
                Files.writeString(s.file(), s.text(), StandardCharsets.UTF_8);
            }
            // score on a mutated sheet, and on a pipe
            Path sheet = content.resolve("sheets/2022-annual/kuqu.json");
            String text = Files.readString(sheet);
            for (int i = 0; i < BUILDS * 5; i++) {
                StringBuilder what = new StringBuilder("seed " + (SEED + 1) + " score case " + i + ":");
                Files.write(sheet, mutate(text, rnd, what));
                Cli.Run[] run = new Cli.Run[1];
                bounded(pool, what.toString(), () -> run[0] = Cli.run("score", "--rubrics", rubricsDir.toString(),
                        "--content", content.toString(), sheet.toString()));
                assertTrue(Set.of(0, 1).contains(run[0].exitCode()) && !run[0].all().contains("\tat ")
                        && !run[0].all().contains("internal error"), what + "\n" + run[0].all());
                exits.merge(run[0].exitCode(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("FUZZ commands: seed " + (SEED + 1) + ", " + CHECKS + " checks, " + BUILDS + " builds, "
                + BUILDS * 5 + " scores: exit codes " + exits);
        assertTrue(exits.getOrDefault(1, 0) > 0 && exits.getOrDefault(0, 0) > 0, exits.toString());
    }

    private static Set<String> listing(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }
}
