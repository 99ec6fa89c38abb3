package org.kaoping.selfcheck;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.score.SheetScorer;
import org.kaoping.support.FormSite;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-check form of examples/rule-patterns: the new rule kinds' controls (amounts per occurrence, a value
 * and an amount behind a condition, the station's own target) give the totals worked out by hand in
 * RulePatternsExampleTest, and the export carries the targets so the Java engine agrees.
 */
class RulePatternsFormTest {
    @TempDir
    static Path temp;
    @RegisterExtension
    static final FormSite site = new FormSite();

    private static String total() {
        return site.driver.findElement(By.id("sc-total")).getText();
    }

    private static WebElement field(String criterion, String rule, String css, int index) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] div.sc-rule[data-rule=\""
                + rule + "\"]")).findElements(By.cssSelector(css)).get(index);
    }

    private static void type(WebElement f, String text) {
        site.js("arguments[0].scrollIntoView({block: 'center'});", f);
        f.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        f.sendKeys(text);
    }

    @Test
    @DisplayName("西城's sheet opens at 35.87; occurrences, a conditional amount and its own target change it as by hand")
    void newKindsInTheForm() throws IOException {
        site.open("stations/xicheng.html");
        site.js("localStorage.clear();");
        site.driver.findElement(By.cssSelector("a[href*=\"selfcheck/rule-patterns-2026.html#sheet=\"]")).click();
        site.waitReady();
        assertEquals("35.87", total());
        // 二.1: two occurrences at 4 instead of 4 + 4 + 3: 10 − 8 = 2 instead of 0 → 37.87
        type(field("4", "lapses", "input.sc-list", 0), "4 4");
        assertEquals("37.87", total());
        // 二.2: 0.2 % is above 0.1 %, so 5 may be taken → 32.87
        type(field("5", "reoffending", "input.sc-n", 0), "0.2");
        type(field("5", "reoffending", "input.sc-n", 1), "5");
        assertEquals("32.87", total());
        // 一.1: with its own target at 67 (not 80), 67 achieved loses nothing: 8.37 → 10 → 34.50
        type(field("1", "shortfall", "input.sc-n", 0), "67");
        assertEquals("34.50", total()); // with the rubric's declared decimals, as the site shows scores

        Path file = temp.resolve("export.json");
        Files.writeString(file, (String) site.js("return KaopingSelfCheck.exportJson();"));
        List<Diagnostic> found = new ArrayList<>();
        Loaded<Sheet> sheet = FileLoader.load(file, SchemaCheck.SHEET, Sheet.class, found);
        assertTrue(found.stream().noneMatch(Diagnostic::isError), found.toString());
        assertNotNull(sheet);
        assertEquals(0, new BigDecimal("67").compareTo(sheet.value().targets().get("1/shortfall")));
        Rubric rubric = StrictJson.mapper().readValue(
                Files.readString(Path.of("examples/rule-patterns/rubrics/rule-patterns-2026.json")), Rubric.class);
        assertEquals(0, new BigDecimal("34.50").compareTo(new SheetScorer().score(rubric, sheet.value()).total()));
    }
}
