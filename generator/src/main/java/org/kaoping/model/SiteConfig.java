package org.kaoping.model;

/**
 * content/site.json. Assessor notes stay off public pages unless {@code showAssessorNotes};
 * pages carry no build time unless {@code buildTimestamp}, so two builds are byte-identical.
 */
public record SiteConfig(String title, String bureau, String county, String footer,
                         Boolean showAssessorNotes, Boolean buildTimestamp, String published) {
    public boolean assessorNotesPublic() {
        return Boolean.TRUE.equals(showAssessorNotes);
    }

    /** When the bureau published this data (yyyy-mm-dd), as the methodology page states; "" when not given. */
    public String publishedOn() {
        return published == null ? "" : published;
    }

    public boolean stampBuildTime() {
        return Boolean.TRUE.equals(buildTimestamp);
    }
}
