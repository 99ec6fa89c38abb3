package org.kaoping.selfcheck;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kaoping.support.FormSite;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaoping.selfcheck.ChineseText.latinWords;

/**
 * The self-check form as a station clerk fills it, in headless Chromium (issue 9): nothing typed is lost across a
 * reload, an invalid field included; a station page's lost item opens the prefilled form at its row; a direct score
 * starts empty; the date reads and takes a Chinese date.
 */
@Order(10) // among the longest classes: started early (junit-platform.properties)
class SelfCheckUseTest {
    @RegisterExtension
    static final FormSite site = new FormSite();

    @Test
    void anInvalidValueKeepsEveryFieldAcrossAReloadAndTheTotalSaysItIsIncomplete() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement disclosure = input("1.1", "disclosure");
        WebElement ledgers = input("1.1", "ledgers");
        type(ledgers, "1");
        type(disclosure, "1.5");                     // a count must be a whole number
        WebElement reason = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] textarea.sc-reason"));
        reason.clear();
        reason.sendKeys("台账缺页");
        assertEquals("尚有 1 项输入有误", total(), "the total is not shown as a higher score");
        assertEquals("true", disclosure.getAttribute("aria-invalid"));
        WebElement mode = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.2\"] .sc-mode select"));
        site.js("arguments[0].scrollIntoView({block: 'center'});", mode);
        new org.openqa.selenium.support.ui.Select(mode).selectByValue("score");
        type(direct("1.2"), "0.33");                  // not a multiple of the rubric's 0.05
        assertEquals("尚有 2 项输入有误", total());

        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("1.5", input("1.1", "disclosure").getAttribute("value"), "the invalid value is kept as typed");
        assertEquals("1", input("1.1", "ledgers").getAttribute("value"), "the valid count of the same criterion is kept");
        assertEquals("台账缺页", site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] textarea.sc-reason"))
                .getAttribute("value"), "the typed 扣分原因 is kept");
        assertEquals("true", input("1.1", "disclosure").getAttribute("aria-invalid"), "the invalid field is marked");
        WebElement error = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-error"));
        assertTrue(error.isDisplayed() && error.getText().startsWith("填写有误："), error.getText());
        assertEquals("0.33", direct("1.2").getAttribute("value"), "the direct score off the step is kept as typed");
        assertEquals("尚有 2 项输入有误", total());
        WebElement stepError = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.2\"] .sc-error"));
        assertTrue(stepError.isDisplayed(), "the second invalid field is marked too");
        assertEquals(List.of(), latinWords(error.getText() + " " + stepError.getText()), "the engine's words, in Chinese");

        type(direct("1.2"), "0.5");
        type(input("1.1", "disclosure"), "1");
        assertTrue(total().matches("\\d+(\\.\\d+)?"), "a total again once the value is fixed: " + total());
        assertEquals(null, input("1.1", "disclosure").getAttribute("aria-invalid"));
    }

    /**
     * A station page's lost item opens the form of its sheet's rubric, prefilled with that sheet, at the
     * item's row: in view below the sticky totals and marked, at desktop and phone width, and again after a
     * reload. Opened without the station page (a bare #c-<id>), the row is found and marked all the same.
     */
    @Test
    void aLostItemOpensThePrefilledFormAtItsRow() {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            org.kaoping.support.Chromium.size(site.driver, size);
            site.open("stations/zhangliang.html");
            site.js("localStorage.clear();");
            site.driver.navigate().refresh();
            WebElement link = site.driver.findElement(By.cssSelector("section.focus a.try-link[data-row=\"7.4\"]"));
            assertTrue(link.getAttribute("href").matches(".*/selfcheck/lushan-2022\\.html#sheet=[\\w-]+&row=7\\.4"),
                    "the station page's script opens the prefilled form: " + link.getAttribute("href"));
            site.js("arguments[0].scrollIntoView({block: 'center'});", link);
            link.click();
            site.waitReady();
            String where = size.getWidth() + " px: ";
            assertTrue(site.driver.getCurrentUrl().endsWith("selfcheck/lushan-2022.html#c-7.4"), where + site.driver.getCurrentUrl());
            assertEquals("94.50", total(), where + "张良's 2022 sheet is loaded");
            assertRowInView("7.4", where);
            WebElement tip = site.driver.findElement(By.cssSelector("#c-7\\.4 .sc-tip"));
            assertTrue(tip.isDisplayed() && tip.getText().startsWith("试算整改"), where + tip.getText());
            assertEquals(List.of(), latinWords((String) site.js("return document.body.innerText;")), where + "Chinese only");

            site.driver.navigate().refresh();
            site.waitReady();
            assertEquals("94.50", total(), where + "the sheet stays across a reload");
            assertRowInView("7.4", where + "after a reload: ");
        }
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        site.open("selfcheck/lushan-2022.html#c-5.3");
        site.waitReady();
        assertRowInView("5.3", "a bare anchor: ");
    }

    /** The row is marked and lies in the viewport, wholly below the sticky totals (its top at least). */
    private static void assertRowInView(String criterion, String where) {
        WebElement row = site.driver.findElement(By.id("c-" + criterion));
        assertTrue(row.getAttribute("class").contains("sc-target"), where + "the row is marked");
        Number top = (Number) site.js("return arguments[0].getBoundingClientRect().top;", row);
        Number stickyBottom = (Number) site.js("var s = document.querySelector('.sc-sticky');"
                + " return s ? s.getBoundingClientRect().bottom : 0;");
        Number height = (Number) site.js("return window.innerHeight;");
        assertTrue(top.doubleValue() >= stickyBottom.doubleValue() - 1 && top.doubleValue() < height.doubleValue() / 2,
                where + "row top " + top + ", sticky totals end at " + stickyBottom + ", window " + height);
    }

    @Test
    void aDirectScoreStartsEmptySoTypingGivesWhatWasTyped() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement mode = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-mode select"));
        new org.openqa.selenium.support.ui.Select(mode).selectByValue("score");
        WebElement direct = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-direct input"));
        assertEquals("", direct.getAttribute("value"));
        assertEquals("2", direct.getAttribute("placeholder"), "the maximum as placeholder");
        String before = total();
        type(direct, "1.5");
        assertEquals("1.5", direct.getAttribute("value"));
        assertEquals(new java.math.BigDecimal(before).subtract(new java.math.BigDecimal("0.5"))
                .toPlainString(), total(), "the total with the rubric's declared decimals");
    }

    @Test
    void theFormsDateReadsAndTakesAChineseDateAndKeepsAWrongOneAsTyped() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement date = site.driver.findElement(By.id("sc-date"));
        assertEquals("text", date.getAttribute("type"), "not the browser's mm/dd/yyyy date control");
        assertEquals("2026-12-01", date.getAttribute("placeholder"));
        type(date, "2026年12月1日");
        assertEquals("2026-12-01", site.js("return KaopingSelfCheck.sheet().date;"), "stored as the sheet format");
        assertEquals("2026 年 12 月 1 日", site.driver.findElement(By.cssSelector(".sc-meta [data-sc-field=date]"))
                .getAttribute("textContent"), "the printed sheet writes it the Chinese way");
        assertEquals(null, date.getAttribute("aria-invalid"));
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2026年12月1日", site.driver.findElement(By.id("sc-date")).getAttribute("value"), "kept as typed");

        type(site.driver.findElement(By.id("sc-date")), "2026-02-30");
        assertEquals("true", site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"));
        assertTrue(site.driver.findElement(By.id("sc-date-hint")).getText().startsWith("没有这个日期"));
        assertEquals(null, site.js("return KaopingSelfCheck.sheet().date || null;"), "no date exported that does not exist");
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2026-02-30", site.driver.findElement(By.id("sc-date")).getAttribute("value"), "a wrong date is kept as typed");
        assertEquals("true", site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"), "and still marked");

        // A draft saved before the text field (the sheet's yyyy-mm-dd only) still loads.
        String fingerprint = (String) site.js("return KaopingSelfCheck.sheet().fingerprint;");
        site.js("localStorage.setItem('kaoping.selfcheck.v1.lushan-2022', JSON.stringify({v: 1, sheet: {rubric: 'lushan-2022',"
                + " fingerprint: arguments[0], unit: '琴台司法所', date: '2023-02-06', attributes: {}, criteria: {}},"
                + " stationUnit: '琴台司法所', auto: [], keep: {}}));", fingerprint);
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2023-02-06", site.driver.findElement(By.id("sc-date")).getAttribute("value"));
        assertEquals("琴台司法所", site.driver.findElement(By.id("sc-unit")).getAttribute("value"));
        assertEquals(null, site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"));
        assertEquals("2023-02-06", site.js("return KaopingSelfCheck.sheet().date;"));
        assertEquals("　单位：琴台司法所", site.driver.findElement(By.cssSelector(".print-head-unit")).getAttribute("textContent"),
                "the printed form's every page names the unit");
    }

    private static WebElement input(String criterion, String rule) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] div.sc-rule[data-rule=\""
                + rule + "\"] input"));
    }

    private static WebElement direct(String criterion) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] .sc-direct input"));
    }

    private static void type(WebElement field, String text) {
        site.js("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private static String total() {
        return site.driver.findElement(By.id("sc-total")).getText();
    }
}
