package org.kaoping.model;

/**
 * content/site.json. Assessor notes stay off public pages unless {@code showAssessorNotes};
 * pages carry no build time unless {@code buildTimestamp}, so two builds are byte-identical.
 */
public record SiteConfig(String title, String bureau, String county, String footer,
                         Boolean showAssessorNotes, Boolean buildTimestamp) {
    public boolean assessorNotesPublic() {
        return Boolean.TRUE.equals(showAssessorNotes);
    }

    public boolean stampBuildTime() {
        return Boolean.TRUE.equals(buildTimestamp);
    }
}
