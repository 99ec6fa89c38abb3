package org.kaoping.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.StrictJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A province-sized site that builds in seconds, for page-weight tests: many stations and periods that
 * hold only published totals (as the sample's 2021 period does), so no sheet is loaded or scored — what
 * such a site pages through is the ranking, the grid and the finder. Deterministic per size.
 */
public final class ProvinceContent {
    private static final String FIRST = "东西南北安平和新兴高张王李赵马刘杨陈黄周吴徐孙朱胡郭何林罗梁宋郑谢韩唐冯于董程曹袁邓许";
    private static final String ENDING = "店集庄营寺桥镇湾坡岭沟河口坪铺屯堡塘园岗楼台坊关城街岩坝峪川洼滩渡头寨岔垭坎";

    private ProvinceContent() {
    }

    /** The name of station {@code i}: unique for up to 2,400 stations (一 … appended beyond that). */
    public static String shortName(int i) {
        int pairs = FIRST.length() * ENDING.length();
        String name = "" + FIRST.charAt(i % FIRST.length()) + ENDING.charAt((i / FIRST.length()) % ENDING.length());
        return i < pairs ? name : name + (i / pairs);
    }

    /** {@code stations} stations over {@code periods} yearly periods of given totals, in {@code dir}. */
    public static Path write(Path dir, int stations, int periods) {
        try {
            Files.createDirectories(dir.resolve("periods"));
            ObjectNode site = StrictJson.mapper().createObjectNode();
            site.put("title", "测试省司法所考核（" + stations + " 所）");
            site.put("bureau", "测试省司法厅");
            write(dir.resolve("site.json"), site);
            ObjectNode registry = StrictJson.mapper().createObjectNode();
            ArrayNode list = registry.putArray("stations");
            for (int i = 0; i < stations; i++) {
                list.addObject().put("id", id(i)).put("name", shortName(i) + "司法所").put("short", shortName(i));
            }
            write(dir.resolve("stations.json"), registry);
            JsonNode assessment = StrictJson.mapper().readTree(Files.readString(Shipped.CONTENT
                    .resolve("periods/2021-annual.json"))).get("assessment");
            Random random = new Random(stations * 31L + periods);
            String previous = null;
            for (int p = 0; p < periods; p++) {
                int year = 2022 - periods + 1 + p;
                String periodId = year + "-annual";
                ObjectNode period = StrictJson.mapper().createObjectNode();
                period.put("id", periodId).put("title", year + " 年度").put("type", "annual").put("year", year)
                        .put("source", "测试数据");
                if (previous != null) {
                    period.put("previous", previous);
                }
                period.set("assessment", assessment.deepCopy());
                List<int[]> totals = new ArrayList<>(); // station, total in hundredths
                for (int i = 0; i < stations; i++) {
                    totals.add(new int[] {i, 7000 + random.nextInt(3001)});
                }
                totals.sort(Comparator.comparingInt((int[] t) -> -t[1]).thenComparingInt(t -> t[0]));
                ArrayNode results = period.putArray("results");
                for (int place = 1; place <= stations; place++) {
                    int[] t = totals.get(place - 1);
                    BigDecimal total = BigDecimal.valueOf(t[1], 2);
                    ObjectNode r = results.addObject().put("station", id(t[0]));
                    r.putObject("components").put("total", total);
                    r.putObject("published").put("total", total).put("place", place);
                }
                write(dir.resolve("periods").resolve(periodId + ".json"), period);
                previous = periodId;
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id, and so the page name, of station {@code i}. */
    public static String id(int i) {
        return String.format("p%05d", i + 1);
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.writeString(file, StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
