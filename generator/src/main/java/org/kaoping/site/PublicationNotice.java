package org.kaoping.site;

import org.kaoping.model.Period;

import java.util.List;

/**
 * What a period page says about its standing: 公示中 until a date, or final, and the changes made
 * after review (复核) — when, whose result, what changed and why. Null for periods without a
 * publication record (those published before Kaoping, whose results are the printed report).
 */
public record PublicationNotice(boolean provisional, String label, String text, List<ReviewRow> reviews) {
    public record ReviewRow(String date, String station, String href, String criterion, String change, String reason) {
    }

    public boolean hasReviews() {
        return !reviews.isEmpty();
    }

    static PublicationNotice of(Period p, Stations stations) {
        if (p.publication() == null && p.reviews().isEmpty()) {
            return null;
        }
        boolean provisional = p.publication() != null && p.publication().provisional();
        String label = p.publication() == null ? "结果" : provisional ? "公示中" : "最终结果";
        String text = p.publication() == null ? "以下为复核后的变更。"
                : provisional ? "本期结果正在公示，公示期至 " + p.publication().until()
                        + "。公示期内可提出复核，结果可能调整；调整会列在下方。"
                : "本期结果已公示期满，为最终结果。";
        List<ReviewRow> rows = p.reviews().stream().map(r -> new ReviewRow(r.date(), stations.name(r.station()),
                Slug.stationPage(r.station()), r.criterion() == null ? "" : r.criterion(), r.change(), r.reason())).toList();
        return new PublicationNotice(provisional, label, text, rows);
    }
}
