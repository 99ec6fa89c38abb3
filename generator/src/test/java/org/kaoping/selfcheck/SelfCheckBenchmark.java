package org.kaoping.selfcheck;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.FormSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Figures, not assertions (speed is measured by benchmarks, outside the default run):
 * <ul>
 *   <li>the weight of each self-check page with what it loads (HTML + scripts + style sheets, uncompressed);</li>
 *   <li>the time from one change to the updated page: the form's own performance.now() around its update
 *       handler (score + page update + save), over many changes made by clicking the + buttons in turn,
 *       and Kaoping.score alone on the same sheet.</li>
 * </ul>
 * Run: {@code mvn -B -o test -Dtest=SelfCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (from the root).
 */
class SelfCheckBenchmark {
    @TempDir
    Path temp;

    @Test
    void weightAndRecomputeTime() throws IOException {
        try (FormSite site = FormSite.start(temp)) {
            List<Path> pages = new java.util.ArrayList<>();
            for (Path root : site.roots.values()) {
                try (var s = Files.list(root.resolve("selfcheck"))) {
                    pages.addAll(s.sorted().toList());
                }
            }
            for (Path page : pages) {
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                long html = Files.size(page);
                long js = 0;
                long css = 0;
                for (String src : doc.select("script[src]").eachAttr("src")) {
                    js += Files.size(page.getParent().resolve(src).normalize());
                }
                for (String href : doc.select("link[rel=stylesheet]").eachAttr("href")) {
                    css += Files.size(page.getParent().resolve(href).normalize());
                }
                System.out.printf(Locale.ROOT, "WEIGHT %-22s html %6.1f KB + js %5.1f KB + css %5.1f KB = %6.1f KB%n",
                        page.getFileName(), html / 1024.0, js / 1024.0, css / 1024.0, (html + js + css) / 1024.0);
            }
            for (String rubric : List.of("wushen-2018", "lushan-2022")) {
                site.openBlank(rubric);
                String result = (String) site.js("""
                        var buttons = Array.prototype.slice.call(document.querySelectorAll('.sc-rule button[aria-label^="增加"]'));
                        var t = KaopingSelfCheck.timings;
                        t.length = 0;
                        for (var i = 0; i < 500; i++) { buttons[i % buttons.length].click(); }
                        var form = t.slice().sort(function (a, b) { return a - b; });
                        var page = JSON.parse(document.getElementById('selfcheck-data').textContent);
                        var sheet = KaopingSelfCheck.sheet(), score = [];
                        for (var j = 0; j < 500; j++) {
                          var t0 = performance.now(); Kaoping.score(page.rubric, sheet); score.push(performance.now() - t0);
                        }
                        score.sort(function (a, b) { return a - b; });
                        function q(a, p) { return a[Math.min(a.length - 1, Math.floor(a.length * p))].toFixed(2); }
                        return buttons.length + ' controls; update handler median ' + q(form, 0.5) + ' ms, p90 ' + q(form, 0.9)
                          + ' ms, max ' + form[form.length - 1].toFixed(2) + ' ms over ' + form.length
                          + ' changes; Kaoping.score alone median ' + q(score, 0.5) + ' ms, p90 ' + q(score, 0.9) + ' ms';
                        """);
                System.out.println("RECOMPUTE " + rubric + ": " + result);
            }
        }
    }
}
