package org.kaoping.site;

/** A link for a template: the text shown and the target, relative to the site root. */
public record Link(String label, String href) {
}
