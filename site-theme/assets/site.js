/*
 * Kaoping site script: progressive enhancement only. Every page is complete without it; with it,
 * ranking tables sort by a click on their header, the home page gets a station finder, a station
 * page's lost items open the self-check form prefilled with the station's sheet, and a table too long
 * for one page (a province's ranking) is paged and searched from its data file (data/*.js); a station's history
 * chart too wide for the screen opens at its latest periods.
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

  // ---- Long tables (a province): the page holds the first rows, window.kaopingTables every row ----

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function tableData(node) {
    var key = node.getAttribute("data-table");
    var all = window.kaopingTables;
    return key && all && Object.prototype.hasOwnProperty.call(all, key) ? all[key] : null;
  }

  function link(root, href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", root + href);
    return a;
  }

  var MOVES = { "▲": ["up", "上升 ", " 位"], "▼": ["down", "下降 ", " 位"] };

  // One cell of a data row, as the page's template renders it: text only, never markup.
  function cell(kind, value, root) {
    var td;
    if (kind === "station") {
      td = el("th");
      td.setAttribute("scope", "row");
      td.appendChild(link(root, value[1], value[0]));
      if (value[2]) {
        var badge = el("span", "badge badge-sheet", "评分表");
        badge.title = "有完整评分表";
        td.appendChild(document.createTextNode(" "));
        td.appendChild(badge);
      }
      return td;
    }
    if (kind === "place") { return el("td", "num", value); }
    if (kind === "fold") { return el("td", "num fold", value); }
    if (kind === "tier") { return el("td", "fold", value); }
    if (kind === "total") {
      td = el("td", "num total", value[0]);
      if (value[1]) {
        var published = el("span", "published", "（公布 " + value[1] + "）");
        published.title = "报告公布的总分";
        td.appendChild(document.createTextNode(" "));
        td.appendChild(published);
      }
      return td;
    }
    if (kind === "veto") {
      td = el("td", "fold");
      td.appendChild(value ? el("span", "badge badge-veto", value) : el("span", "muted", "无"));
      return td;
    }
    if (kind === "move") {
      td = el("td");
      var symbol = String(value);
      var move = MOVES[symbol.charAt(0)];
      var css = move ? move[0] : symbol === "新" ? "new" : "same";
      var words = move ? move[1] + symbol.substring(1) + move[2] : symbol === "新" ? "上期未参评" : "名次不变";
      var span = el("span", "move move-" + css);
      var shown = el("span", null, symbol);
      shown.setAttribute("aria-hidden", "true");
      span.appendChild(shown);
      span.appendChild(el("span", "vh", words));
      td.appendChild(span);
      return td;
    }
    if (kind === "grid") {
      td = el("td", "num");
      if (value) {
        td.appendChild(document.createTextNode(value[0]));
        td.appendChild(el("br"));
        td.appendChild(el("span", "muted", "第 " + value[1] + " 名"));
      } else {
        td.appendChild(el("span", "muted", "未参评"));
      }
      return td;
    }
    return el("td", null, value);
  }

  function stationName(row, columns) {
    var i = columns.indexOf("station");
    return i < 0 ? "" : String(row[i][0]);
  }

  // A paged table: a search box (by station name), the page's place, and buttons to move page by page.
  function pageTable(table, data) {
    var root = table.getAttribute("data-root") || "";
    var unit = table.getAttribute("data-unit") || "行";
    var size = table.tBodies[0].rows.length || 100;
    var columns = data.columns;
    var vetoAt = columns.indexOf("veto");
    var rows = data.rows;
    var page = 0;
    var wrap = table.closest(".table-wrap") || table;
    var pager = el("div", "pager");
    var id = "pager-" + (document.querySelectorAll(".pager").length + 1);
    var label = el("label", null, table.getAttribute("data-search-label") || "查找司法所");
    label.setAttribute("for", id);
    var input = el("input");
    input.id = id;
    input.type = "search";
    input.autocomplete = "off";
    input.placeholder = "输入名称，如：观音寺";
    var status = el("p", "pager-status");
    status.setAttribute("aria-live", "polite");
    var nav = el("div", "pager-nav");
    var buttons = {};
    [["first", "第一页"], ["prev", "上一页"], ["next", "下一页"], ["last", "最后一页"]].forEach(function (b) {
      var button = el("button", null, b[1]);
      button.type = "button";
      button.setAttribute("data-go", b[0]);
      buttons[b[0]] = button;
      nav.appendChild(button);
    });
    var where = el("span", "pager-page");
    nav.insertBefore(where, buttons.next);
    pager.appendChild(label);
    pager.appendChild(input);
    pager.appendChild(status);
    pager.appendChild(nav);
    wrap.parentNode.insertBefore(pager, wrap);
    var note = wrap.parentNode.querySelector(".paged-note");
    if (note) { note.hidden = true; }

    function shown() {
      var q = input.value.replace(/\s+/g, "").toLowerCase();
      if (q === "") { return rows; }
      return rows.filter(function (r) { return stationName(r, columns).toLowerCase().indexOf(q) !== -1; });
    }

    function draw() {
      var list = shown();
      var pages = Math.max(1, Math.ceil(list.length / size));
      page = Math.min(Math.max(page, 0), pages - 1);
      var body = el("tbody");
      list.slice(page * size, page * size + size).forEach(function (r) {
        var tr = el("tr");
        if (vetoAt >= 0 && r[vetoAt]) { tr.className = "vetoed"; }
        r.forEach(function (v, i) { tr.appendChild(cell(columns[i], v, root)); });
        body.appendChild(tr);
      });
      table.replaceChild(body, table.tBodies[0]);
      var q = input.value.trim();
      var from = list.length === 0 ? 0 : page * size + 1;
      var to = Math.min(list.length, page * size + size);
      if (q !== "" && list.length === 0) {
        status.textContent = "没有找到名称含“" + q + "”的司法所。";
      } else if (q !== "") {
        status.textContent = "找到 " + list.length + " 个名称含“" + q + "”的司法所" + (pages > 1 ? "，显示第 " + from + "–" + to + " 个。" : "。");
      } else {
        status.textContent = "共 " + list.length + " " + unit + "，显示第 " + from + "–" + to + " " + unit + "。";
      }
      where.textContent = "第 " + (page + 1) + " / " + pages + " 页";
      // Print shows the rows on screen: the note (hidden on screen) says which they are.
      if (note) {
        note.textContent = "印出的是" + (q !== "" ? "按“" + q + "”查找到的" : "") + "第 " + from + "–" + to + " " + unit
          + "，共 " + list.length + " " + unit + "。";
      }
      buttons.first.disabled = buttons.prev.disabled = page === 0;
      buttons.next.disabled = buttons.last.disabled = page >= pages - 1;
    }

    nav.addEventListener("click", function (e) {
      var go = e.target && e.target.getAttribute ? e.target.getAttribute("data-go") : null;
      if (!go) { return; }
      page = go === "first" ? 0 : go === "prev" ? page - 1 : go === "next" ? page + 1 : Number.MAX_SAFE_INTEGER;
      draw();
    });
    input.addEventListener("input", function () { page = 0; draw(); });
    draw();
  }

  function enhancePagedTables() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-table]"), function (table) {
      var data = tableData(table);
      if (data && table.tBodies.length === 1) { pageTable(table, data); }
    });
  }

  // The finder of a site too large to list every station: it searches the data file and lists the matches.
  function enhanceDataFinder(finder, list) {
    var data = tableData(finder);
    if (!data) { return; }
    var root = finder.getAttribute("data-root") || "";
    var input = document.getElementById("finder-input");
    var status = document.getElementById("finder-status");
    var MAX = 50;
    var matches = [];
    finder.hidden = false;
    input.addEventListener("input", function () {
      var q = input.value.replace(/\s+/g, "").toLowerCase();
      while (list.firstChild) { list.removeChild(list.firstChild); }
      matches = q === "" ? [] : data.rows.filter(function (r) {
        return (r[0] + " " + r[1]).toLowerCase().indexOf(q) !== -1;
      });
      matches.slice(0, MAX).forEach(function (r) {
        var li = el("li");
        li.appendChild(link(root, r[2], r[0]));
        list.appendChild(li);
      });
      status.textContent = q === "" ? "" : matches.length === 0 ? "没有找到名称含“" + input.value.trim() + "”的司法所。"
        : "找到 " + matches.length + " 个司法所" + (matches.length > MAX ? "，列出前 " + MAX + " 个，请输入更完整的名称。" : "。");
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && matches.length === 1) { list.querySelector("a").click(); }
    });
  }

  function enhanceFinder() {
    var finder = document.querySelector(".finder");
    var list = document.getElementById("station-list");
    if (!finder || !list) { return; }
    if (finder.hasAttribute("data-table")) {
      // Its data file is a deferred script after this one: it has run by DOMContentLoaded.
      document.addEventListener("DOMContentLoaded", function () { enhanceDataFinder(finder, list); });
      return;
    }
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

  // A station's history wider than the screen scrolls in its figure: it opens at its end, the latest periods, which
  // the station looks at first; the earlier ones are a swipe to the left.
  function showLatestPeriods() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart-history .chart-scroll"), function (box) {
      if (box.scrollWidth > box.clientWidth) { box.scrollLeft = box.scrollWidth; }
    });
  }

  enhanceTables();
  enhanceFinder();
  enhanceRowLinks();
  showLatestPeriods();
  // The tables' data files are deferred scripts after this one: they have run by DOMContentLoaded.
  document.addEventListener("DOMContentLoaded", enhancePagedTables);
}());
