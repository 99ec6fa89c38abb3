package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.load.JsonTrees;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the self-check form of a rubric ({@link SelfCheckPage}) and the links that open it
 * prefilled with a station's sheet.
 */
public final class SelfCheckPages {
    /**
     * Keys of the rubric file that the embedded copy leaves out, at any depth, to keep the page light: what
     * the scoring never reads and the form takes from elsewhere — transcription notes, the source reference,
     * the period-level assessment, the criteria paired with the previous rubric (for station pages), and
     * 考核内容/考核办法及标准/负责科室, which the page's table already shows
     * (rendered from the same file). The full file stays at assets/rubrics/&lt;id&gt;.json; the fingerprint is
     * that file's.
     */
    public static final Set<String> NOT_EMBEDDED = Set.of("notes", "source", "assessment", "content", "standard",
            "department", "predecessor");

    private SelfCheckPages() {
    }

    /**
     * @param tree        the rubric file's JSON as written (load.RubricTree.read)
     * @param fingerprint the rubric file's fingerprint (load.RubricFingerprint)
     */
    static SelfCheckPage build(Rubric r, JsonNode tree, String fingerprint) {
        return build(r, tree, fingerprint, java.util.Map.of(r.id(), r.title()));
    }

    /** @param titles every rubric of the site by id: an import made for another one is refused by name */
    static SelfCheckPage build(Rubric r, JsonNode tree, String fingerprint, java.util.Map<String, String> titles) {
        List<String> attributes = new ArrayList<>();
        new TreeMap<>(r.attributes()).forEach((k, d) -> attributes.add(d.title() + "（"
                + new TreeMap<>(d.values()).values().stream().collect(Collectors.joining("、")) + "）"));
        List<String> categorySheets = r.sheets().stream()
                .map(s -> s.title() + "（" + Numbers.plain(s.points()) + " 分）").toList();
        List<SelfCheckPage.SectionView> sections = r.sections().stream().map(s -> section(r, s)).toList();
        List<SelfCheckPage.VetoView> vetoes = r.vetoes().stream().map(v -> new SelfCheckPage.VetoView(v.id(), v.text(),
                AssessmentWording.vetoEffectShort(v.effect()))).toList();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("fingerprint", fingerprint);
        data.set("rubric", formRubric(tree));
        ObjectNode known = data.putObject("titles");
        new TreeMap<>(titles).forEach(known::put);
        return new SelfCheckPage(r.id(), r.title(), r.issuer(), Slug.rubricPage(r.id()), Slug.rubricJson(r.id()),
                fingerprint, r.sheets().isEmpty() ? "合计得分" : "各分表合计",
                Numbers.plain(r.sections().stream().filter(s -> s.kind() == SectionKind.SCORE)
                        .map(Section::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
                "得分" + AssessmentWording.scaleWords(r.scale(), r.rounding()) + "；最小计分单位 "
                        + Numbers.plain(r.effectiveStep()) + " 分",
                String.join("；", attributes), categorySheets, sections, vetoes, scriptJson(data),
                RubricPages.partialNote(r));
    }

    /** The rubric as the form embeds it: the file's tree without the keys in {@link #NOT_EMBEDDED}, at any depth. */
    public static JsonNode formRubric(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (NOT_EMBEDDED.contains(e.getKey())) {
                    it.remove();
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(SelfCheckPages::strip);
        }
    }

    /**
     * Compact JSON that can stand inside {@code <script type="application/json">}: '<', '>' and '&' occur
     * only inside JSON strings, where their \\u escapes mean the same, so "&lt;/script" cannot appear.
     */
    public static String scriptJson(JsonNode node) {
        String json = JsonTrees.compact(node);
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The form of the sheet's rubric, prefilled with the sheet: selfcheck/&lt;rubric&gt;.html#sheet=&lt;base64url
     * of the sheet JSON&gt;. Only the sheet-format fields travel (no corrections, notes or recorded total), with
     * the station's registry attributes, name and per-station targets filled in.
     */
    static Link prefillLink(Rubric rubric, String fingerprint, Station station, Sheet sheet) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("rubric", rubric.id());
        s.put("fingerprint", fingerprint);
        s.put("station", station.id());
        s.put("unit", station.name());
        if (sheet.date() != null) {
            s.put("date", sheet.date());
        }
        Map<String, String> attributes = new TreeMap<>(station.attributes());
        attributes.putAll(sheet.attributes());
        ObjectNode attrs = s.putObject("attributes");
        attributes.forEach((k, v) -> {
            if (rubric.attributes().containsKey(k)) {
                attrs.put(k, v);
            }
        });
        if (!sheet.targets().isEmpty()) {
            ObjectNode targets = s.putObject("targets"); // the station's per-station targets, sorted for identical builds
            new TreeMap<>(sheet.targets()).forEach(targets::put);
        }
        ObjectNode criteria = s.putObject("criteria");
        sheet.criteria().forEach((id, e) -> {
            ObjectNode c = criteria.putObject(id);
            if (e.score() != null) {
                c.put("score", e.score());
            } else if (e.isNotApplicable()) {
                c.put("notApplicable", true);
            } else if (!e.inputs().isEmpty()) {
                // Entry.inputs is unordered: write them in the rubric's rule order, so builds stay byte-identical.
                ObjectNode in = c.putObject("inputs");
                List<String> order = rubric.criterion(id).map(cr -> cr.rules().stream().map(Rule::id).toList())
                        .orElse(List.of());
                order.stream().filter(e.inputs()::containsKey).forEach(k -> in.set(k, e.inputs().get(k)));
                new TreeMap<>(e.inputs()).forEach((k, v) -> {
                    if (!in.has(k)) {
                        in.set(k, v);
                    }
                });
            }
            if (e.reason() != null) {
                c.put("reason", e.reason());
            }
        });
        ArrayNode vetoes = s.putArray("vetoes");
        sheet.vetoes().forEach(vetoes::add);
        if (sheet.signatures() != null) {
            ObjectNode sig = s.putObject("signatures");
            sig.put("unitHead", sheet.signatures().unitHead());
            ArrayNode members = sig.putArray("members");
            sheet.signatures().members().forEach(members::add);
            sig.put("leader", sheet.signatures().leader());
        }
        String json = JsonTrees.compact(s);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return new Link("用自查评分表打开最近一份评分表", SelfCheckPage.pathOf(rubric.id()) + "#sheet=" + encoded);
    }

    private static SelfCheckPage.SectionView section(Rubric r, Section s) {
        String points = RubricWording.sectionPoints(s);
        String sheet = RubricWording.sheetTitle(r, s);
        List<SelfCheckPage.CriterionView> criteria = new ArrayList<>();
        for (int i = 0; i < s.criteria().size(); i++) {
            criteria.add(criterion(r, s, s.criteria().get(i), i == 0));
        }
        return new SelfCheckPage.SectionView(s.id(), RubricDiff.sectionLabel(s) + PeriodPages.kindSuffix(s.kind()),
                s.kind().name().toLowerCase(java.util.Locale.ROOT), points, sheet, criteria);
    }

    private static SelfCheckPage.CriterionView criterion(Rubric r, Section s, Criterion c, boolean first) {
        String points = RubricWording.criterionPoints(s, c);
        String applies = RubricWording.applicability(r, c);
        String parts = RubricWording.parts(c);
        boolean same = c.content().strip().equals(c.standard().strip());
        return new SelfCheckPage.CriterionView(c.id(), c.number(), c.content(), same ? "" : c.standard(), same, points,
                applies, parts, first);
    }
}
