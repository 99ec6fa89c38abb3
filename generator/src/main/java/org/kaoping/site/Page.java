package org.kaoping.site;

/**
 * One page of the site: where it goes, which template renders it, and what the layout needs.
 * Every link a page record holds is relative to the site root; templates prefix it with
 * {@code {{root}}} so the site works from file://, a USB stick and any sub-path.
 */
public sealed interface Page permits HomePage, PeriodPage, StationPage, RubricPage, MethodologyPage, NotFoundPage,
        SelfCheckPage, ReportPage {
    /** The output path, relative to the site root, '/'-separated. */
    String path();

    /** The template name in site-theme/templates, without ".mustache". */
    String template();

    /** The page's own title; the layout adds the site title. */
    String title();

    /** The navigation entry this page belongs to: home, periods, stations, rubrics, methodology or none. */
    String nav();

    /**
     * What every printed page of this page repeats at its top (the layout's print head): the station and
     * period for a station's page, else the page's own title.
     */
    default String printHeading() {
        return title();
    }
}
