package org.kaoping.site;

import java.util.List;

/** rubrics/&lt;id&gt;.html: a rubric in full, and what changed from the one before it. */
public record RubricPage(
        String id,
        String heading,
        String issuer,
        String year,
        String typeLabel,
        String total,
        String scaleWords,
        String step,
        String partialNote,
        List<Link> usedBy,
        String jsonHref,
        String attributes,
        List<String> categorySheets,
        List<SectionView> sections,
        boolean hasDepartments,
        List<StationPage.VetoView> vetoes,
        List<String> totalsWording,
        List<String> tiesWording,
        List<String> tiersWording,
        RubricDiff diff,
        String noDiffNote,
        List<String> internalNotes) implements Page {

    public String path() {
        return Slug.rubricPage(id);
    }

    public String template() {
        return "rubric";
    }

    public String title() {
        return heading;
    }

    public String nav() {
        return "rubrics";
    }

    public boolean partial() {
        return !partialNote.isEmpty();
    }

    public boolean hasUsedBy() {
        return !usedBy.isEmpty();
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

    public boolean hasAssessment() {
        return !totalsWording.isEmpty();
    }

    public boolean hasInternalNotes() {
        return !internalNotes.isEmpty();
    }

    public record SectionView(String anchor, String label, String kind, String points, String sheet,
                              List<CriterionView> criteria, List<String> groups, List<String> internalNotes) {
        public boolean hasGroups() {
            return !groups.isEmpty();
        }

        public boolean hasInternalNotes() {
            return !internalNotes.isEmpty();
        }
    }

    /**
     * @param applies  to whom the criterion applies, in words, or ""
     * @param parts    its sub-budgets, in words, or ""
     */
    public record CriterionView(String anchor, String number, String content, String standard, String points,
                                String department, String applies, String parts, List<String> internalNotes) {
        public boolean hasInternalNotes() {
            return !internalNotes.isEmpty();
        }
    }
}
