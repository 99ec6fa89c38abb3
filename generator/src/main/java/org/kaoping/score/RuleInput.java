package org.kaoping.score;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads one rule's input from a sheet, with an error naming the path and what was expected. */
final class RuleInput {
    /**
     * The largest measured amount a sheet may give (completion counts, threshold values): below 10^9,
     * as any loaded number. Checked here too so that both engines see the same value: the browser's
     * JSON.parse makes 1e400 Infinity.
     */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.999999");

    private final JsonNode node;
    private final String path;

    RuleInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    boolean absent() {
        return node == null || node.isNull();
    }

    int count() {
        return wholeNumber(node, path);
    }

    boolean flag() {
        if (!node.isBoolean()) {
            throw new ScoreException(path, "notTrueOrFalse", "expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    BigDecimal amount() {
        if (!node.isNumber()) {
            throw new ScoreException(path, "notANumber", "expected a number, found " + describe(node));
        }
        BigDecimal v = node.decimalValue();
        if (v.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new ScoreException(path, "numberTooLarge", "expected a number up to " + MAX_AMOUNT.toPlainString()
                    + ", found " + v);
        }
        if (v.signum() < 0) {
            throw new ScoreException(path, "negativeNumber", "expected a number ≥ 0, found " + v.toPlainString());
        }
        return v;
    }

    String level() {
        if (!node.isTextual()) {
            throw new ScoreException(path, "notALevelCode", "expected a level code (text), found " + describe(node));
        }
        return node.textValue();
    }

    List<Integer> counts() {
        if (!node.isArray()) {
            throw new ScoreException(path, "notACountList", "expected a list of whole numbers, one per step, found " + describe(node));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(wholeNumber(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    List<BigDecimal> amounts() {
        if (!node.isArray()) {
            throw new ScoreException(path, "notAnAmountList", "expected a list of amounts, one per occurrence, found " + describe(node));
        }
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new RuleInput(node.get(i), path + "[" + i + "]").amount());
        }
        return out;
    }

    /** {"value": v, "amount": a}: the figure a condition depends on and the amount chosen; both optional. */
    ValueAmount valueAmount() {
        if (!node.isObject()) {
            throw new ScoreException(path, "notValueAndAmount", "expected {\"value\": …, \"amount\": …}, found " + describe(node));
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("value") && !f.equals("amount")) {
                throw new ScoreException(path, "unknownKey", "unexpected \"" + f + "\"; expected \"value\" and \"amount\"");
            }
        }
        RuleInput v = new RuleInput(node.get("value"), path + ".value");
        RuleInput a = new RuleInput(node.get("amount"), path + ".amount");
        return new ValueAmount(v.absent() ? null : v.amount(), a.absent() ? BigDecimal.ZERO : a.amount());
    }

    record ValueAmount(BigDecimal value, BigDecimal amount) {
    }

    String path() {
        return path;
    }

    private static int wholeNumber(JsonNode n, String path) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            if (n.isNumber()) {
                BigDecimal d = n.decimalValue();
                if (d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0 && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    return d.intValueExact();
                }
            }
            throw new ScoreException(path, "notWholeNumber", "expected a whole number ≥ 0, found " + describe(n));
        }
        int v = n.intValue();
        if (v < 0) {
            throw new ScoreException(path, "notWholeNumber", "expected a whole number ≥ 0, found " + v);
        }
        return v;
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "text \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return n.decimalValue().toPlainString();
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }
}
