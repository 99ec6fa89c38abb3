/*
 * Kaoping site script: progressive enhancement only. Every page is complete without it; with it,
 * ranking tables sort by a click on their header, the home page gets a station finder, and a station
 * page's lost items open the self-check form prefilled with the station's sheet.
 * Loaded as a plain deferred script (so it also runs from a local folder or a USB stick), no modules,
 * no network.
 */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) { return numeric ? -Infinity : ""; }
    var raw = cell.getAttribute("data-sort-value");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw;
  }

  function sortTable(table, th, index) {
    var numeric = th.getAttribute("data-type") === "number";
    // The first click sorts in the column's natural direction: places and names ascending, scores
    // descending (data-first on the header says so); later clicks reverse it.
    var current = th.getAttribute("aria-sort");
    var first = th.getAttribute("data-first") || (numeric ? "desc" : "asc");
    var ascending = current ? current !== "ascending" : first === "asc";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r.setAttribute("data-original-order", r.getAttribute("data-original-order") || String(i)); });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric);
      var y = cellValue(b, index, numeric);
      var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
      if (c === 0) {
        c = Number(a.getAttribute("data-original-order")) - Number(b.getAttribute("data-original-order"));
        return c;
      }
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhanceTables() {
    var tables = document.querySelectorAll("table.sortable");
    Array.prototype.forEach.call(document.querySelectorAll(".sort-hint"), function (p) { p.hidden = false; });
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || !table.tBodies.length || table.tBodies.length > 1) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        if (th.getAttribute("data-type") === "none") { return; }
        var button = document.createElement("button");
        button.type = "button";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        button.addEventListener("click", function () { sortTable(table, th, index); });
      });
    });
  }

  function enhanceFinder() {
    var finder = document.querySelector(".finder");
    var list = document.getElementById("station-list");
    if (!finder || !list) { return; }
    var input = document.getElementById("finder-input");
    var status = document.getElementById("finder-status");
    var items = list.querySelectorAll("li[data-names]");
    finder.hidden = false;
    input.addEventListener("input", function () {
      var q = input.value.replace(/\s+/g, "").toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(items, function (li) {
        var match = q === "" || li.getAttribute("data-names").toLowerCase().indexOf(q) !== -1;
        li.hidden = !match;
        if (match) { shown++; }
      });
      status.textContent = q === "" ? "" : (shown === 0 ? "没有找到名称含“" + input.value.trim() + "”的司法所。" : "找到 " + shown + " 个司法所。");
    });
    input.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") { return; }
      var visible = Array.prototype.filter.call(items, function (li) { return !li.hidden; });
      if (visible.length === 1) { visible[0].querySelector("a").click(); }
    });
  }

  // A station page's lost items link to their row of the self-check form (…/selfcheck/<rubric>.html#c-<id>).
  // Where the page also links to that form prefilled with the station's sheet, the row links open it so
  // (#sheet=…&row=<id>): the sheet travels once in the page, not once per item.
  function enhanceRowLinks() {
    var sheet = document.querySelector("a[data-sheet-link]");
    if (!sheet) { return; }
    var prefilled = sheet.getAttribute("href");
    var form = prefilled.split("#")[0];
    Array.prototype.forEach.call(document.querySelectorAll("a[data-row]"), function (a) {
      if (a.getAttribute("href").split("#")[0] === form) {
        a.setAttribute("href", prefilled + "&row=" + encodeURIComponent(a.getAttribute("data-row")));
      }
    });
  }

  enhanceTables();
  enhanceFinder();
  enhanceRowLinks();
}());
