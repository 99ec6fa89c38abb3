package org.kaoping.model;

import java.math.BigDecimal;

/** A sub-budget inside a criterion: "共 5 分…扣完为止" (RULES 3). */
public record Part(String id, String title, BigDecimal budget) {
}
