package org.kaoping.serve;

/**
 * One rebuild: whether it succeeded, what it printed (shown in the overlay when it failed), and the site to
 * serve from now on (null when it failed: the previous site stays served).
 */
public record BuildOutcome(boolean ok, String report, SiteView site) {
}
