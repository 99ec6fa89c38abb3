package org.kaoping.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.StationNames;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import changes in content/: each station's sheet (sheets/&lt;period&gt;/&lt;station&gt;.json,
 * criteria replaced one by one, everything else kept) and its result in periods/&lt;period&gt;.json
 * (given components and bonus counts). Planned completely in memory first; files whose bytes would
 * not change are not written, so re-importing the same file changes nothing.
 */
public final class ContentUpdate {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One station's differences, in words: "4.2 得分 5.5 → 6". */
    public record StationChange(String station, List<String> lines) {
    }

    public record Plan(Map<Path, byte[]> writes, List<StationChange> changes, int unchanged) {
        public void apply() throws IOException {
            for (var e : writes.entrySet()) {
                ContentJson.writeAtomically(e.getKey(), e.getValue());
            }
        }
    }

    private ContentUpdate() {
    }

    /** A review (复核) the import carries out: every value it changes is recorded in the period's "reviews". */
    public record Review(String date, String reason) {
    }

    /** One changed value, for the review record: the criterion (null for a given figure) and the change in words. */
    private record Item(String criterion, String change) {
    }

    public static Plan plan(Path content, String periodId, Rubric rubric, Map<String, StationFill> fills,
                            StationNames names) throws IOException {
        return plan(content, periodId, rubric, fills, names, null);
    }

    /** @param review when not null, each changed value is also recorded as a 复核 change in the period file */
    public static Plan plan(Path content, String periodId, Rubric rubric, Map<String, StationFill> fills,
                            StationNames names, Review review) throws IOException {
        Map<Path, byte[]> writes = new LinkedHashMap<>();
        List<StationChange> changes = new ArrayList<>();
        Path periodFile = content.resolve("periods").resolve(periodId + ".json");
        ObjectNode period = ContentJson.read(periodFile);
        int unchanged = 0;
        boolean periodChanged = false;
        for (StationFill fill : fills.values()) {
            List<String> lines = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            if (!fill.criteria().isEmpty()) {
                Path file = content.resolve("sheets").resolve(periodId).resolve(fill.station().id() + ".json");
                byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
                ObjectNode sheet = before == null ? newSheet(rubric, fill, periodId) : ContentJson.read(file);
                int linesBefore = lines.size();
                updateSheet(sheet, rubric, fill, lines, items, before == null);
                if (lines.size() > linesBefore) {
                    writes.put(file, ContentJson.bytes(sheet));
                }
            }
            if (!fill.components().isEmpty() || !fill.bonuses().isEmpty()) {
                int linesBefore = lines.size();
                ObjectNode result = resultOf(period, fill.station().id(), names, lines);
                setGiven(result, "components", fill.components(), lines, items);
                setGiven(result, "bonuses", fill.bonuses(), lines, items);
                periodChanged |= lines.size() > linesBefore;
            } else if (!fill.criteria().isEmpty() && !listed(period, fill.station().id(), names)) {
                resultOf(period, fill.station().id(), names, lines);
                periodChanged = true;
            }
            if (review != null && !items.isEmpty()) {
                ArrayNode reviews = period.withArray("reviews");
                for (Item item : items) {
                    ObjectNode r = reviews.addObject();
                    r.put("date", review.date());
                    r.put("station", fill.station().id());
                    if (item.criterion() != null) {
                        r.put("criterion", item.criterion());
                    }
                    r.put("change", item.change());
                    r.put("reason", review.reason());
                }
                periodChanged = true;
            }
            if (lines.isEmpty()) {
                unchanged++;
            } else {
                changes.add(new StationChange(fill.station().name(), lines));
            }
        }
        if (periodChanged) {
            writes.put(periodFile, ContentJson.bytes(period));
        }
        return new Plan(writes, changes, unchanged);
    }

    private static ObjectNode newSheet(Rubric rubric, StationFill fill, String periodId) {
        ObjectNode sheet = JSON.objectNode();
        sheet.put("rubric", rubric.id());
        sheet.put("station", fill.station().id());
        sheet.put("period", periodId);
        sheet.put("unit", fill.station().name());
        sheet.putObject("criteria");
        return sheet;
    }

    /** Replaces the imported criteria's entries; keeps the rubric's order, then any others as they were. */
    private static void updateSheet(ObjectNode sheet, Rubric rubric, StationFill fill, List<String> lines, List<Item> items,
                                    boolean created) {
        JsonNode old = sheet.path("criteria");
        ObjectNode criteria = JSON.objectNode();
        int changed = 0;
        for (Criterion c : rubric.allCriteria()) {
            StationFill.Score s = fill.criteria().get(c.id());
            JsonNode before = old.get(c.id());
            if (s == null) {
                if (before != null) {
                    criteria.set(c.id(), before);
                }
                continue;
            }
            ObjectNode entry = JSON.objectNode();
            entry.put("score", s.score());
            if (s.reason() != null) {
                entry.put("reason", s.reason());
            }
            criteria.set(c.id(), entry);
            if (!created && !sameEntry(before, entry)) {
                changed++;
                String change = describe(c.id(), before, entry);
                lines.add(change);
                items.add(new Item(c.id(), change.substring(c.id().length() + 1)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!criteria.has(e.getKey())) {
                criteria.set(e.getKey(), e.getValue());
            }
        }
        sheet.set("criteria", criteria);
        if (created) {
            BigDecimal sum = fill.criteria().values().stream().map(StationFill.Score::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            lines.add("新的评分表：" + fill.criteria().size() + " 项，得分合计 " + sum.stripTrailingZeros().toPlainString());
        }
    }

    private static boolean sameEntry(JsonNode before, ObjectNode after) {
        if (before == null || !before.has("score") || before.size() != after.size()) {
            return false;
        }
        return before.get("score").decimalValue().compareTo(after.get("score").decimalValue()) == 0
                && Objects.equals(before.path("reason").asText(null), after.path("reason").asText(null));
    }

    private static String describe(String id, JsonNode before, ObjectNode after) {
        String was = before == null ? "（无）" : before.has("score") ? before.get("score").decimalValue().toPlainString()
                : before.has("notApplicable") ? "不适用" : "按规则输入";
        String now = after.get("score").decimalValue().toPlainString();
        StringBuilder line = new StringBuilder(id + " 得分 " + was + " → " + now);
        String r0 = before == null ? null : before.path("reason").asText(null);
        String r1 = after.path("reason").asText(null);
        if (!Objects.equals(r0, r1)) {
            line.append("；扣分原因 ").append(r0 == null ? "（无）" : "“" + r0 + "”").append(" → ")
                    .append(r1 == null ? "（无）" : "“" + r1 + "”");
        }
        return line.toString();
    }

    private static boolean listed(ObjectNode period, String stationId, StationNames names) {
        for (JsonNode r : period.withArray("results")) {
            String ref = r.path("station").asText();
            if (ref.equals(stationId) || names.resolve(ref).map(s -> s.id().equals(stationId)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode resultOf(ObjectNode period, String stationId, StationNames names, List<String> lines) {
        ArrayNode results = period.withArray("results");
        for (JsonNode r : results) {
            String ref = r.path("station").asText();
            if (ref.equals(stationId) || names.resolve(ref).map(s -> s.id().equals(stationId)).orElse(false)) {
                return (ObjectNode) r;
            }
        }
        lines.add("加入本期名单");
        return results.addObject().put("station", stationId);
    }

    private static void setGiven(ObjectNode result, String field, Map<String, StationFill.Given> given, List<String> lines,
                                 List<Item> items) {
        if (given.isEmpty()) {
            return;
        }
        ObjectNode values = result.has(field) ? (ObjectNode) result.get(field) : result.putObject(field);
        for (var e : given.entrySet()) {
            BigDecimal now = e.getValue().value();
            JsonNode before = values.get(e.getKey());
            if (before == null || before.decimalValue().compareTo(now) != 0) {
                String change = e.getKey() + " " + (before == null ? "（无）" : before.decimalValue().toPlainString())
                        + " → " + now.toPlainString();
                lines.add(change);
                items.add(new Item(null, change));
                if (field.equals("bonuses")) {
                    values.put(e.getKey(), now.intValueExact());
                } else {
                    values.put(e.getKey(), now);
                }
            }
        }
    }
}
