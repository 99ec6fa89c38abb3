package org.kaoping.cli;

import org.kaoping.load.Audience;

import java.nio.file.Path;

/**
 * The content a page benchmark measures: {@code -Dkaoping.bench.content=<a kaoping sample folder>} with the shipped
 * rubrics and theme, loaded and checked as `build` does. Benchmarks, not tests: without the property they say how to
 * run them and measure nothing.
 */
record BenchContent(Folders folders, CheckCommand.Checked checked) {
    /** The checked content, or null (and a line saying what to set) when {@code kaoping.bench.content} is not given. */
    static BenchContent load(String benchmark) {
        String content = System.getProperty("kaoping.bench.content");
        if (content == null) {
            System.out.println(benchmark + ": set -Dkaoping.bench.content=<a kaoping sample folder>");
            return null;
        }
        Folders folders = new Folders();
        folders.content = Path.of(content);
        folders.rubrics = Path.of("rubrics");
        folders.theme = Path.of("site-theme");
        return new BenchContent(folders, CheckCommand.checkAndLoad(folders, Audience.PUBLIC));
    }
}
