package org.kaoping.site;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaoping.support.Axe;
import org.kaoping.support.FormSite;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core over each page type of the shipped sample site, opened from file:// in the run's headless
 * Chromium ({@link org.kaoping.support.Chromium}), with the site script running as a reader has it. WCAG 2.0/2.1
 * A and AA plus axe's best practices at desktop width; on pages whose criterion tables site.css restyles for
 * phones, the layout-dependent rules again at phone width.
 */
@Order(1) // among the longest classes: started early (junit-platform.properties)
class AccessibilityTest {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    /** What the phone layout can change: colours behind text, scroll boxes, links told apart from text. */
    static final List<String> LAYOUT_RULES = List.of("color-contrast", "scrollable-region-focusable",
            "link-in-text-block");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    @TempDir
    static Path temp;
    /** The shipped sites (the sample, and examples/NAME beside it) and the browser, shared with the other browser classes. */
    @RegisterExtension
    static final FormSite sites = new FormSite();
    static ChromeDriver driver;

    @BeforeAll
    static void takeBrowser() {
        driver = sites.driver;
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "periods/2022-annual.html", "periods/2023-q2.html", "stations/kuqu.html",
            "stations/yaoshan.html", "rubrics/lushan-2022.html", "wushen:rubrics/wushen-2018.html", "methodology.html",
            "404.html", "reports/2022-annual.html", "stations/qintai.html"})
    void pageHasNoViolations(String page) {
        open(driver, page);
        // The phone check runs in the second browser beside the desktop check here (each takes seconds of its
        // page's renderer): the page opened there at desktop width and then narrowed, as it would be here.
        CompletableFuture<String> phone = driver.findElements(By.cssSelector(".sheet-table, .rubric-table")).isEmpty()
                ? CompletableFuture.completedFuture("")
                : sites.beside(second -> {
                    open(second, page);
                    org.kaoping.support.Chromium.size(second, PHONE);
                    return check(second, page, "390px", Axe.rules(LAYOUT_RULES));
                });
        org.kaoping.support.Chromium.size(driver, DESKTOP);
        String report = check(driver, page, "1280px", Axe.tags(TAGS));
        report += FormSite.await(phone);
        assertTrue(report.isEmpty(), "axe violations:" + report);
    }

    /** The states the script creates: a finder with no match, a table sorted by a header button. */
    @Test
    void homeAfterSearchingAndSortingHasNoViolations() {
        open(driver, "index.html");
        org.kaoping.support.Chromium.size(driver, DESKTOP);
        driver.findElement(By.id("finder-input")).sendKeys("不存在");
        assertTrue(driver.findElement(By.id("finder-status")).getText().startsWith("没有找到"));
        driver.findElement(By.cssSelector("table.sortable thead th:nth-child(3) button")).click();
        // The first click sorts in the column's natural direction: 总分 highest first, 名次 first place first.
        assertEquals("descending", driver.findElement(By.cssSelector("table.sortable thead th:nth-child(3)"))
                .getAttribute("aria-sort"));
        driver.findElement(By.cssSelector("table.sortable thead th:nth-child(1) button")).click();
        assertEquals("ascending", driver.findElement(By.cssSelector("table.sortable thead th:nth-child(1)"))
                .getAttribute("aria-sort"));
        String report = check(driver, "index.html (searched, sorted)", "1280px", Axe.tags(TAGS));
        assertTrue(report.isEmpty(), "axe violations:" + report);
    }

    /** A province's pages (issue 12): the pager over a long ranking, searched, and the home page's data finder. */
    @Test
    void aPagedRankingAndTheDataFinderHaveNoViolations() {
        // Six years: a station's history is then the wide chart, which scrolls in its box (checked below).
        Path content = org.kaoping.support.ProvinceContent.write(temp.resolve("province-content"), 150, 6);
        Path province = temp.resolve("site-province");
        SiteBuild.Result r = SiteBuild.build(content, SiteBuild.RUBRICS, SiteBuild.THEME, province);
        assertEquals(0, r.exitCode(), r.all());
        // The home page's finder in the second browser, beside the period page's checks here.
        CompletableFuture<String> home = sites.beside(second -> {
            second.get(province.resolve("index.html").toUri().toString());
            second.findElement(By.id("finder-input")).sendKeys(org.kaoping.support.ProvinceContent.shortName(0));
            assertFalse(second.findElements(By.cssSelector("#station-list li a")).isEmpty());
            return check(second, "province home, finder used", "1280px", Axe.tags(TAGS));
        });
        StringBuilder report = new StringBuilder();
        org.kaoping.support.Chromium.size(driver, DESKTOP);
        driver.get(province.resolve("periods/2022-annual.html").toUri().toString());
        driver.findElements(By.cssSelector(".pager-nav button")).stream().filter(b -> b.getText().equals("下一页"))
                .findFirst().orElseThrow().click();
        report.append(check(driver, "province period page 2", "1280px", Axe.tags(TAGS)));
        driver.findElement(By.cssSelector(".pager input")).sendKeys("不存在");
        assertEquals(0, driver.findElements(By.cssSelector("table.ranking tbody tr")).size());
        report.append(check(driver, "province period page, nothing found", "1280px", Axe.tags(TAGS)));
        org.kaoping.support.Chromium.size(driver, PHONE);
        report.append(check(driver, "province period page", "390px", Axe.rules(LAYOUT_RULES)));
        driver.get(province.resolve("stations/" + org.kaoping.support.ProvinceContent.id(0) + ".html").toUri().toString());
        assertEquals(1, driver.findElements(By.cssSelector("figure.chart-figure svg.chart-wide")).size(),
                "six periods draw the history wide");
        // What the wide chart changes is its scroll box: the phone's layout rules (the page's other checks are the
        // sample's station pages').
        report.append(check(driver, "province station page, six periods", "390px", Axe.rules(LAYOUT_RULES)));
        org.kaoping.support.Chromium.size(driver, DESKTOP);
        report.append(FormSite.await(home));
        assertTrue(report.isEmpty(), "axe violations:" + report);
    }

    private static void open(ChromeDriver browser, String page) {
        // "NAME:page" is a page of the example site examples/NAME (乌审旗's: the rubric with category sheets and
        // attributes, a layout the sample lacks), built beside the sample
        Path file = page.contains(":") ? sites.roots.get(page.substring(0, page.indexOf(':')))
                .resolve(page.substring(page.indexOf(':') + 1)) : sites.root.resolve(page);
        assertTrue(Files.isRegularFile(file), page);
        browser.get(file.toUri().toString());
        // Checked as a reader meets it: the site script has turned sortable headers into buttons.
        assertEquals(Boolean.TRUE, browser.executeScript("return !document.querySelector('table.sortable')"
                + " || !!document.querySelector('table.sortable th > button');"), page + ": site.js did not run");
    }

    /**
     * Runs axe (legacy mode, see {@link Axe}: one injection, no helper window; the site has no frames) on the
     * browser's page: each violation, or "" when there is none.
     */
    private static String check(ChromeDriver browser, String page, String width, AxeBuilder axe) {
        Results results = axe.analyze(browser);
        assertFalse(results.isErrored(), page + ": axe failed: " + results.getErrorMessage());
        StringBuilder report = new StringBuilder();
        for (Rule rule : results.getViolations()) {
            report.append('\n').append(page).append(" @").append(width).append(": ").append(rule.getId())
                    .append(" [").append(rule.getImpact()).append("] ").append(rule.getHelp());
            // Every target; the reason for the first few (they seldom differ).
            List<CheckedNode> nodes = rule.getNodes();
            for (int i = 0; i < nodes.size(); i++) {
                report.append("\n    ").append(nodes.get(i).getTarget());
                if (i < 3 && nodes.get(i).getFailureSummary() != null) {
                    report.append(" — ").append(nodes.get(i).getFailureSummary().replaceAll("\\s+", " ").trim());
                }
            }
        }
        return report.toString();
    }
}
