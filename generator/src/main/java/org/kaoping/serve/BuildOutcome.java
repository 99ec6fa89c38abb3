package org.kaoping.serve;

/** One rebuild: whether the site was replaced, and what the build printed (shown in the overlay when it failed). */
public record BuildOutcome(boolean ok, String report) {
}
