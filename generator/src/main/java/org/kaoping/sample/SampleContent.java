package org.kaoping.sample;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic content of any size for benchmarks: a station registry, {@code periods} annual periods on one
 * rubric, and a full sheet with Chinese reasons for every station and period. Deterministic: the same
 * options give the same bytes, whatever the thread count (each sheet has its own random stream, derived
 * from the seed, the period and the station). Only rubrics whose sections all score given points
 * (no bonus or penalty sections, no category sheets) can be sampled.
 */
public final class SampleContent {
    /** Reasons in the words of the 2022 sheets and report, by criterion id; an unlisted criterion gets "…落实不到位". */
    private static final String REASONS = "reasons-lushan-2022.json";
    /** Share of criteria that lose points on a sheet (the 2022 sheets: 88 of 470). */
    private static final double LOSS_RATE = 0.18;

    public record Options(int stations, int periods, long seed) {
        public Options {
            if (stations < 1 || periods < 1) {
                throw new IllegalArgumentException("stations and periods must be at least 1");
            }
            if (stations > StationNaming.CAPACITY) {
                throw new IllegalArgumentException("at most " + StationNaming.CAPACITY + " stations");
            }
        }
    }

    private final Rubric rubric;
    private final Options options;
    private final Map<String, List<String>> reasons;
    private final List<SampleStation> stations;
    private final ObjectWriter writer;

    public SampleContent(Rubric rubric, Options options) {
        for (Section s : rubric.sections()) {
            if (s.kind() != SectionKind.SCORE || s.sheet() != null) {
                throw new IllegalArgumentException("rubric " + rubric.id() + " has " + s.kind()
                        + " sections or category sheets; sample needs a rubric of plain scored sections");
            }
        }
        this.rubric = rubric;
        this.options = options;
        this.reasons = readReasons();
        this.stations = StationNaming.stations(options.stations(), options.seed());
        ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        this.writer = mapper.writer(pretty);
    }

    /** A station of the sample: id, name, short name and size (大所/小所). */
    record SampleStation(String id, String name, String shortName, String size) {
    }

    /** Writes site.json, stations.json, periods/ and sheets/ into {@code content}, which must be empty or absent. */
    public void write(Path content) throws IOException {
        if (Files.exists(content)) {
            try (var entries = Files.list(content)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(content + " is not empty; sample writes only into a new or empty folder");
                }
            }
        }
        Files.createDirectories(content.resolve("periods"));
        json(content.resolve("site.json"), site());
        json(content.resolve("stations.json"), registry());
        String previous = null;
        int firstYear = rubric.year() - options.periods() + 1;
        for (int p = 0; p < options.periods(); p++) {
            int year = firstYear + p;
            String id = year + "-annual";
            Path dir = Files.createDirectories(content.resolve("sheets").resolve(id));
            int period = p;
            List<SheetResult> results = IntStream.range(0, stations.size()).parallel()
                    .mapToObj(i -> writeSheet(dir, id, year, period, i)).toList();
            json(content.resolve("periods").resolve(id + ".json"), period(id, year, previous, results));
            previous = id;
        }
    }

    /** What a sheet adds to its period's results: its total and the reasons for the report. */
    private record SheetResult(SampleStation station, BigDecimal total, String mainReasons) {
    }

    private SheetResult writeSheet(Path dir, String periodId, int year, int period, int index) {
        SampleStation st = stations.get(index);
        SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + period * 40_009L + index);
        ObjectNode sheet = JsonNodeFactory.instance.objectNode();
        sheet.put("rubric", rubric.id());
        sheet.put("station", st.id());
        sheet.put("period", periodId);
        sheet.put("date", String.format("%d-%02d-%02d", year + 1, 1 + random.nextInt(2), 1 + random.nextInt(28)));
        ObjectNode criteria = sheet.putObject("criteria");
        BigDecimal total = BigDecimal.ZERO;
        List<String> lost = new ArrayList<>();
        for (Criterion c : rubric.allCriteria()) {
            ObjectNode entry = criteria.putObject(c.id());
            BigDecimal score = c.points();
            if (random.nextDouble() < LOSS_RATE) {
                score = score.subtract(deduction(c.points(), random));
                String reason = reason(c, random);
                entry.put("score", score);
                entry.put("reason", reason);
                lost.add(reason);
            } else {
                entry.put("score", score);
            }
            total = total.add(score);
        }
        try {
            writer.writeValue(dir.resolve(st.id() + ".json").toFile(), sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String main = lost.isEmpty() ? "" : String.join("；", lost.subList(0, Math.min(4, lost.size()))) + "。";
        return new SheetResult(st, total, main);
    }

    /** Half points mostly; in criteria of four points or more, sometimes a discretionary figure in steps. */
    private BigDecimal deduction(BigDecimal points, SplittableRandom random) {
        BigDecimal half = new BigDecimal("0.5");
        int halves = points.divide(half).intValue();
        if (points.compareTo(BigDecimal.valueOf(4)) >= 0 && random.nextInt(3) == 0) {
            BigDecimal step = rubric.effectiveStep();
            int steps = 1 + random.nextInt(points.divide(step).intValue() / 4);
            return step.multiply(BigDecimal.valueOf(steps));
        }
        return half.multiply(BigDecimal.valueOf(1 + random.nextInt(Math.min(halves, 4))));
    }

    private String reason(Criterion c, SplittableRandom random) {
        List<String> known = reasons.get(c.id());
        if (known != null) {
            return known.get(random.nextInt(known.size()));
        }
        return c.content().replaceAll("。$", "") + "落实不到位";
    }

    private ObjectNode site() {
        ObjectNode site = JsonNodeFactory.instance.objectNode();
        site.put("title", "合成省司法所责任目标考核（" + options.stations() + " 所，样例数据）");
        site.put("bureau", "合成省司法厅");
        site.put("county", "合成省");
        site.put("footer", "样例数据，由 kaoping sample --stations " + options.stations() + " --periods "
                + options.periods() + " --seed " + options.seed() + " 生成，非真实考核结果。");
        return site;
    }

    private ObjectNode registry() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("stations");
        for (SampleStation s : stations) {
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            o.put("short", s.shortName());
            o.putObject("attributes").put("size", s.size());
        }
        return root;
    }

    private ObjectNode period(String id, int year, String previous, List<SheetResult> results) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("id", id);
        p.put("title", year + " 年度");
        p.put("type", "annual");
        p.put("year", year);
        p.put("rubric", rubric.id());
        if (previous != null) {
            p.put("previous", previous);
        }
        p.putObject("assessed").put("from", (year + 1) + "-01-05").put("to", (year + 1) + "-02-25");
        p.put("source", "样例数据（kaoping sample --seed " + options.seed() + "）");
        // Published places as the rubric ranks: by total, ties in station order (sequential, as published).
        List<SheetResult> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparing(SheetResult::total).reversed());
        Map<String, Integer> places = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            places.put(ranked.get(i).station().id(), i + 1);
        }
        ArrayNode list = p.putArray("results");
        for (SheetResult r : results) {
            ObjectNode o = list.addObject();
            o.put("station", r.station().id());
            o.putObject("published").put("total", r.total()).put("place", places.get(r.station().id()));
            if (!r.mainReasons().isEmpty()) {
                o.put("mainReasons", r.mainReasons());
            }
        }
        return p;
    }

    private void json(Path file, JsonNode node) throws IOException {
        writer.writeValue(file.toFile(), node);
    }

    private static Map<String, List<String>> readReasons() {
        try (InputStream in = SampleContent.class.getResourceAsStream(REASONS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REASONS);
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(v -> list.add(v.asText()));
                out.put(e.getKey(), List.copyOf(list));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
