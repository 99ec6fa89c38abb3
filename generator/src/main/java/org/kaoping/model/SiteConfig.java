package org.kaoping.model;

/**
 * content/site.json. Assessor notes stay off public pages unless {@code showAssessorNotes};
 * pages carry no build time unless {@code buildTimestamp}, so two builds are byte-identical.
 */
public record SiteConfig(String title, String bureau, String county, String footer,
                         Boolean showAssessorNotes, Boolean buildTimestamp, String published, String basePath,
                         java.math.BigDecimal commonProblemShare) {
    /** A criterion is a common problem (共性问题) in the report draft when at least this share of sheets lost points on it. */
    public static final java.math.BigDecimal DEFAULT_COMMON_SHARE = new java.math.BigDecimal("0.5");

    public java.math.BigDecimal commonShare() {
        return commonProblemShare == null ? DEFAULT_COMMON_SHARE : commonProblemShare;
    }

    public boolean assessorNotesPublic() {
        return Boolean.TRUE.equals(showAssessorNotes);
    }

    /** When the bureau published this data (yyyy-mm-dd), as the methodology page states; "" when not given. */
    public String publishedOn() {
        return published == null ? "" : published;
    }

    /**
     * Where the site is served over HTTP ("/" or "/kaoping/"): the 404 page, which a server returns for
     * a missing address at any depth, links its styles and 返回首页 from here, not relative to itself.
     */
    public String servedAt() {
        return basePath == null ? "/" : basePath;
    }

    public boolean stampBuildTime() {
        return Boolean.TRUE.equals(buildTimestamp);
    }
}
