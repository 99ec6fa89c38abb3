package org.kaoping.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.model.SectionKind;
import org.kaoping.model.VetoEffect;
import org.kaoping.score.Breakdown.Status;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The canonical JSON form of a {@link Breakdown}: what {@code kaoping score FILE} prints and what
 * site-theme/js/kaoping-score.js returns, field for field.
 * <pre>
 * { rubric, station,
 *   sections: [ { id, kind, score, maximum,
 *                 criteria: [ { id, number, status, score, maximum,
 *                               rules: [ { ruleId, effect, zeroes, fired, detail } ],
 *                               parts: [ { partId, deducted, budget, returned } ], reason } ] } ],
 *   sheets: [ { id, score, maximum } ], base, bonus, penalty, total, maximum,
 *   vetoes: [ { id, effect, source } ] }
 * </pre>
 * Decimals are strings with exactly the rubric's scale ({@code "97.50"}), or more places only when
 * the exact value needs them (a rule effect from a rubric number finer than its scale). Enumerations
 * are lower-case as in the rubric format: kind {@code score|bonus|penalty}, effect
 * {@code void|no-honours}, status {@code given|from-inputs|not-recorded|not-applicable|superseded}.
 */
public final class BreakdownJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper PRINTER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BreakdownJson() {
    }

    /** The breakdown as a JSON tree; {@code scale} is the rubric's. */
    public static ObjectNode toTree(Breakdown b, int scale) {
        ObjectNode root = F.objectNode();
        root.put("rubric", b.rubric());
        root.put("station", b.station());
        ArrayNode sections = root.putArray("sections");
        for (Breakdown.SectionScore s : b.sections()) {
            ObjectNode sn = sections.addObject();
            sn.put("id", s.id());
            sn.put("kind", kind(s.kind()));
            sn.put("score", decimal(s.score(), scale));
            sn.put("maximum", decimal(s.maximum(), scale));
            ArrayNode criteria = sn.putArray("criteria");
            for (Breakdown.CriterionScore c : s.criteria()) {
                ObjectNode cn = criteria.addObject();
                cn.put("id", c.id());
                cn.put("number", c.number());
                cn.put("status", status(c.status()));
                cn.put("score", decimal(c.score(), scale));
                cn.put("maximum", decimal(c.maximum(), scale));
                ArrayNode rules = cn.putArray("rules");
                for (RuleOutcome o : c.rules()) {
                    ObjectNode on = rules.addObject();
                    on.put("ruleId", o.ruleId());
                    on.put("effect", decimal(o.effect(), scale));
                    on.put("zeroes", o.zeroes());
                    on.put("fired", o.fired());
                    on.put("detail", o.detail());
                }
                ArrayNode parts = cn.putArray("parts");
                for (Breakdown.PartLimit p : c.parts()) {
                    ObjectNode pn = parts.addObject();
                    pn.put("partId", p.partId());
                    pn.put("deducted", decimal(p.deducted(), scale));
                    pn.put("budget", decimal(p.budget(), scale));
                    pn.put("returned", decimal(p.returned(), scale));
                }
                cn.put("reason", c.reason());
            }
        }
        ArrayNode sheets = root.putArray("sheets");
        for (Breakdown.SheetSubtotal s : b.sheets()) {
            ObjectNode sn = sheets.addObject();
            sn.put("id", s.id());
            sn.put("score", decimal(s.score(), scale));
            sn.put("maximum", decimal(s.maximum(), scale));
        }
        root.put("base", decimal(b.base(), scale));
        root.put("bonus", decimal(b.bonus(), scale));
        root.put("penalty", decimal(b.penalty(), scale));
        root.put("total", decimal(b.total(), scale));
        root.put("maximum", decimal(b.maximum(), scale));
        ArrayNode vetoes = root.putArray("vetoes");
        for (Breakdown.AppliedVeto v : b.vetoes()) {
            ObjectNode vn = vetoes.addObject();
            vn.put("id", v.id());
            vn.put("effect", effect(v.effect()));
            vn.put("source", v.source());
        }
        return root;
    }

    /** The breakdown as indented JSON text. */
    public static String toJson(Breakdown b, int scale) {
        try {
            return PRINTER.writeValueAsString(toTree(b, scale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain digits with exactly {@code scale} places, more only when the exact value needs them. */
    public static String decimal(BigDecimal v, int scale) {
        if (v == null) {
            return null; // a maximum that does not exist: a bonus without any limit (考核加分不封顶)
        }
        return v.setScale(Math.max(scale, v.stripTrailingZeros().scale())).toPlainString();
    }

    static String kind(SectionKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    static String status(Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String effect(VetoEffect e) {
        return e == VetoEffect.VOID ? "void" : "no-honours";
    }
}
