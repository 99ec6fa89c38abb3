package org.kaoping.model;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a function of score values that scoring asks for every entry of every sheet (is it a multiple of
 * the step? what is it at the rubric's scale?): a sheet's scores take a few hundred distinct values, and working
 * each answer out again made a new BigDecimal per entry, a tenth of a province check's allocation. Keys are
 * compared as {@link BigDecimal#equals} does (value and scale), so 1.0 and 1.00 are asked separately and each
 * answer is exactly the function's. Thread-safe; bounded: beyond {@code limit} values it works answers out
 * without keeping them.
 */
public final class DecimalMemo<R> {
    private final int limit;
    private final Function<BigDecimal, R> function;
    private final ConcurrentHashMap<BigDecimal, R> answers = new ConcurrentHashMap<>();

    public DecimalMemo(int limit, Function<BigDecimal, R> function) {
        this.limit = limit;
        this.function = function;
    }

    public R apply(BigDecimal v) {
        R known = answers.get(v);
        if (known != null) {
            return known;
        }
        R answer = function.apply(v);
        if (answers.size() < limit) {
            answers.putIfAbsent(v, answer);
        }
        return answer;
    }
}
