package org.kaoping.load;

/** A value read from a file, kept with its source so later findings can point into it. */
public record Loaded<T>(T value, JsonSource source) {
}
