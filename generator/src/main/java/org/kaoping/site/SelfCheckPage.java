package org.kaoping.site;

import java.util.List;

/**
 * selfcheck/&lt;rubric-id&gt;.html: the self-check form of one rubric. The page is the official sheet
 * as a table (考核项目 | 考核内容 | 分值 | 考核办法及标准 | 得分 | 扣分原因), readable and printable without
 * JavaScript; site-theme/js/selfcheck-*.js add the controls and scores with window.Kaoping.score
 * from the rubric embedded in the page ({@link #dataJson}), so it works from file:// with no server.
 *
 * @param fingerprint  the rubric file's version (load.RubricFingerprint), stamped on every export
 * @param totalLabel   合计得分, or 各分表合计 when the rubric has category sheets
 * @param total        the points of the score sections together (the sheet's maximum)
 * @param attributes   the station attributes the rubric depends on, in words, or ""
 * @param dataJson     {"fingerprint", "rubric"} as JSON for a {@code <script type="application/json">}
 *                     block, already safe there: every '<', '>' and '&' is written as a \\u escape
 */
public record SelfCheckPage(
        String id,
        String heading,
        String issuer,
        String rubricHref,
        String jsonHref,
        String fingerprint,
        String totalLabel,
        String total,
        String stepWords,
        String attributes,
        List<String> categorySheets,
        List<SectionView> sections,
        List<VetoView> vetoes,
        String dataJson,
        String partialNote) implements Page {

    /** Only part of the rubric survives: the form says what is missing, as the rubric page does. */
    public boolean partial() {
        return !partialNote.isEmpty();
    }

    /** The output path of a rubric's self-check form. */
    public static String pathOf(String rubricId) {
        return "selfcheck/" + Slug.of(rubricId, "rubric") + ".html";
    }

    public String path() {
        return pathOf(id);
    }

    public String template() {
        return "selfcheck";
    }

    public String title() {
        return "自查评分表：" + heading;
    }

    public String nav() {
        return "rubrics";
    }

    /** The printed form is the official sheet: its pages carry the sheet's name (the script adds the unit). */
    @Override
    public String printHeading() {
        return heading + "评分表";
    }

    public boolean hasAttributes() {
        return !attributes.isEmpty();
    }

    public boolean hasCategorySheets() {
        return !categorySheets.isEmpty();
    }

    public boolean hasVetoes() {
        return !vetoes.isEmpty();
    }

    /**
     * One section (考核项目): its criteria share the first column, drawn as one cell.
     *
     * @param sectionPoints the section's points in words ("8 分", "加分上限 5 分")
     */
    public record SectionView(String id, String sectionLabel, String kind, String sectionPoints,
                              String sheet, List<CriterionView> criteria) {
    }

    /**
     * @param sameText the source prints 考核内容 and 考核办法及标准 as one text: the standard column says 同左
     * @param first    the section's first row, which carries the 考核项目 header
     */
    public record CriterionView(String id, String number, String content, String standard, boolean sameText,
                                String points, String applies, String parts, boolean first) {
        /** The row's anchor (c-1.1), the one a station page's lost item links to. */
        public String anchor() {
            return Slug.criterionAnchor(id);
        }
    }

    public record VetoView(String id, String text, String effect) {
    }
}
