package org.kaoping.cli;

import org.kaoping.render.Compactor;
import org.kaoping.render.PeriodDownloads;
import org.kaoping.render.Pages;
import org.kaoping.render.RubricJson;
import org.kaoping.render.StationDownloads;
import org.kaoping.render.TableScripts;
import org.kaoping.serve.SiteView;
import org.kaoping.site.LazySite;
import org.kaoping.site.Page;
import org.kaoping.site.ReportPage;
import org.kaoping.site.Slug;
import org.kaoping.write.OutputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One build's site as `serve` shows it, every file made when first asked for and kept: the files `kaoping build`
 * writes (pages, their data files, the stations' own .csv files, the period downloads, the theme's assets and scripts as the build compacts
 * them, the rubrics' JSON), from the same functions, at the same paths. Anything else is not in the site.
 */
final class PreviewSite implements SiteView {
    /** The period downloads of recent report pages, by value (an equal report page has equal files), across builds. */
    static final class Downloads {
        private final Map<ReportPage, Map<String, byte[]>> made = Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ReportPage, Map<String, byte[]>> eldest) {
                        return size() > 16;
                    }
                });

        Map<String, byte[]> of(ReportPage page) {
            Map<String, byte[]> files = made.get(page);
            if (files == null) {
                files = PeriodDownloads.files(page);
                made.put(page, files);
            }
            return files;
        }
    }

    private final LazySite site;
    private final Pages pages;
    /** A theme file: where it is, and its name relative to its folder (what the build's compactor is given). */
    private record ThemeFile(Path file, String name) {
    }

    private final Map<String, ThemeFile> themeFiles;
    private final Downloads downloads;
    private final Map<String, byte[]> made = new ConcurrentHashMap<>();

    PreviewSite(LazySite site, Pages pages, Path theme, Downloads downloads) {
        this.site = site;
        this.pages = pages;
        this.downloads = downloads;
        // As BuildCommand: site-theme/assets/ → assets/, then site-theme/js/ → assets/js/ (the files of Staging.readTree).
        Map<String, ThemeFile> files = new TreeMap<>();
        themeTree(theme.resolve("assets"), "assets", files);
        Path scripts = theme.resolve("js");
        if (Files.isDirectory(scripts)) {
            themeTree(scripts, "assets/js", files);
        }
        this.themeFiles = files;
    }

    /**
     * The same theme as {@code before}'s (its templates as compiled, its files as listed) over another site: after
     * sheets changed and nothing of the theme did.
     */
    PreviewSite(LazySite site, PreviewSite before) {
        this.site = site;
        this.pages = before.pages.with(site.model());
        this.downloads = before.downloads;
        this.themeFiles = before.themeFiles;
    }

    LazySite site() {
        return site;
    }

    @Override
    public byte[] file(String path) {
        byte[] done = made.get(path);
        if (done != null) {
            return done;
        }
        byte[] bytes = make(path);
        if (bytes != null) {
            made.putIfAbsent(path, bytes);
        }
        return bytes;
    }

    private byte[] make(String path) {
        if (path.endsWith(".html")) {
            Page page = site.page(path);
            if (page != null) {
                return pages.render(page);
            }
        }
        Page owner = site.dataOwner(path);
        if (owner != null) {
            return TableScripts.files(owner).get(path);
        }
        Page station = site.stationFileOwner(path);
        if (station != null) {
            return StationDownloads.files(station).get(path);
        }
        if (path.startsWith("downloads/")) {
            String[] parts = path.split("/", 3);
            ReportPage report = parts.length == 3 ? site.report(parts[1]) : null;
            return report == null ? null : downloads.of(report).get(path);
        }
        for (var e : site.model().rubricExports().entrySet()) {
            if (path.equals(Slug.rubricJson(e.getKey()))) {
                return RubricJson.bytes(e.getValue());
            }
        }
        ThemeFile theme = themeFiles.get(path);
        if (theme != null) {
            try {
                // Not through a link put there since the build listed the folder (the change rebuilds anyway).
                try (var in = Files.newInputStream(theme.file(), LinkOption.NOFOLLOW_LINKS)) {
                    return Compactor.compact(theme.name(), in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /** As Staging.copyTree: regular files (no links followed), no hidden names, under {@code prefix}. */
    private static void themeTree(Path source, String prefix, Map<String, ThemeFile> into) {
        try (Stream<Path> s = Files.walk(source)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    into.put(prefix + "/" + rel, new ThemeFile(f, rel));
                }
            }
        } catch (IOException e) {
            throw new OutputException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
