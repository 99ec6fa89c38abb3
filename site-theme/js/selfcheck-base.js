/*
 * The self-check form (自查评分表) of one rubric, scored by window.Kaoping.score
 * (kaoping-score.js, held equal to the Java engine by the parity tests). Plain script, no modules,
 * no network: it works when the site is opened from a local folder.
 *
 * The page (selfcheck/<rubric-id>.html) is the official sheet as a table that reads and prints
 * without JavaScript, plus <script type="application/json" id="selfcheck-data"> holding
 * { fingerprint, rubric }: the rubric file as the engine reads it (its table texts and notes left
 * out, see SelfCheckPages.NOT_EMBEDDED) and the file's fingerprint. This script adds a control per
 * rule, the modes 按细则 / 直接打分 / 不适用 per criterion, station attributes, vetoes and signatures,
 * and rescores on every change.
 *
 * The form is five plain scripts, loaded in this order, each with one job: selfcheck-base.js (the page's
 * data, the rubric indexed, DOM helpers, the state as a sheet), -words.js (what the form says), -controls.js
 * (controls and panel), -show.js (rescore and show), -store.js (saving, import, export, links, start).
 * They share window.KaopingForm, which selfcheck-store.js removes once the form is running.
 *
 * Entry point, window.KaopingSelfCheck:
 *   sheet()                 the current sheet (rubrics/README.md "Sheet format", with fingerprint)
 *   exportJson()            that sheet as JSON text: what the 导出 button downloads
 *   importText(text, name)  loads a sheet; returns { imported, skipped: [], warnings: [] }, also shown
 *   breakdown()             the latest Kaoping.score breakdown
 *   timings                 ms of the latest recomputations (score + page update + save), newest last
 * Progress is saved in localStorage "kaoping.selfcheck.v1.<rubric-id>" on every change. The address
 * #sheet=<base64url of a sheet's JSON> (station pages link so) opens the form prefilled; what was
 * saved before is kept under the same key + ".before-link" and can be restored.
 */
(function () {
  'use strict';
  var node = document.getElementById('selfcheck-data');
  var panel = document.getElementById('sc-panel');
  if (!node || !panel || typeof window.Kaoping !== 'object') {
    return;
  }
  var F = window.KaopingForm = {};
  var K = window.Kaoping;
  var page = JSON.parse(node.textContent);
  var rubric = page.rubric;
  var FP = page.fingerprint;
  var STORE = 'kaoping.selfcheck.v1.' + rubric.id;
  var BACKUP = STORE + '.before-link';
  var hasOwn = Object.prototype.hasOwnProperty;
  var SCALE = rubric.scale;
  var STEP = rubric.step != null ? String(rubric.step) : (SCALE ? (1 / Math.pow(10, SCALE)).toFixed(SCALE) : '1');
  var PLACES = Math.max(SCALE, STEP.indexOf('.') < 0 ? 0 : STEP.length - STEP.indexOf('.') - 1);
  var MINUS = '\u2212';
  var ROLES = ['unitHead', 'members', 'leader'];
  // ---------------------------------------------------------------- helpers
  function own(o, k) {
    return o !== null && typeof o === 'object' && hasOwn.call(o, k) ? o[k] : undefined;
  }
  function isObj(o) {
    return o !== null && typeof o === 'object' && !Array.isArray(o);
  }
  /** "94.40" → "94.4", "-0.00" → "0" */
  function plain(v) {
    var s = String(v);
    if (s.indexOf('.') >= 0) {
      s = s.replace(/0+$/, '').replace(/\.$/, '');
    }
    return s === '-0' ? '0' : s;
  }
  /** A total or subtotal as the site shows it, with the rubric's declared decimals: "94.5" → "94.50". */
  function scaled(v) {
    var s = plain(v);
    var i = s.indexOf('.');
    var have = i < 0 ? 0 : s.length - i - 1;
    return have >= SCALE ? s : (i < 0 ? s + '.' : s) + new Array(SCALE - have + 1).join('0');
  }
  function fmt(n) {
    return plain(n.toFixed(PLACES));
  }
  function signed(v) {
    var n = Number(v);
    return n < 0 ? MINUS + plain(String(v).slice(1)) : (n > 0 ? '+' : '') + plain(v);
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'text') {
        e.textContent = v;
      } else if (k === 'cls') {
        e.className = v;
      } else if (k.slice(0, 2) === 'on') {
        e.addEventListener(k.slice(2), v);
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    (kids || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return e;
  }
  function setText(n, t) {
    if (n && n.textContent !== t) {
      n.textContent = t;
    }
  }
  function flag(n, cls, on) {
    if (n && n.classList.contains(cls) !== !!on) {
      n.classList.toggle(cls, !!on);
    }
  }
  function show(n, on) {
    if (n && n.hidden === !!on) {
      n.hidden = !on;
    }
  }
  function all(sel, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(sel), fn);
  }
  /** A criterion's JSON path as kaoping-score.js writes it in errors. */
  function critPath(id) {
    if (/^\d+$/.test(id)) {
      return '$.criteria[' + id + ']';
    }
    return /^[A-Za-z_]\w*$/.test(id) ? '$.criteria.' + id : '$.criteria["' + id.replace(/[\\"]/g, '\\$&') + '"]';
  }

  // ---------------------------------------------------------------- the rubric, indexed
  var crits = {};
  var order = [];
  rubric.sections.forEach(function (s) {
    s.criteria.forEach(function (c) {
      crits[c.id] = { c: c, kind: s.kind || 'score', n: order.length, rules: c.rules || [], path: critPath(c.id) };
      order.push(c.id);
    });
  });
  var attrDefs = rubric.attributes || {};
  var attrNames = Object.keys(attrDefs).sort();
  var vetoDefs = {};
  (rubric.vetoes || []).forEach(function (v) {
    vetoDefs[v.id] = v;
  });
  function applies(k, attrs) {
    var a = k.c.appliesTo;
    var v = a ? own(attrs, a.attribute) : null;
    return !v || a.values.indexOf(v) >= 0;
  }
  function attrLabel(name, v) {
    return (own(attrDefs[name] && attrDefs[name].values, v)) || v;
  }
  function attrTitle(name) {
    return attrDefs[name] ? attrDefs[name].title : name;
  }

  // ---------------------------------------------------------------- state
  F.state = null;
  F.last = null;
  var timings = [];

  function blank(id) {
    var k = crits[id];
    return { mode: k.rules.length ? 'rules' : 'score', inputs: {}, score: k.kind === 'score' ? Number(k.c.points || 0) : 0,
      reason: '', auto: true };
  }
  function emptyState() {
    // date: yyyy-mm-dd as sheets store it, or '' ; dateText: the date field as typed (kept even when wrong)
    var st = { station: '', stationUnit: '', unit: '', date: '', dateText: '', attributes: {}, targets: {}, criteria: {}, vetoes: [],
      signatures: { unitHead: '', members: '', leader: '' } };
    order.forEach(function (id) {
      st.criteria[id] = blank(id);
    });
    return st;
  }
  /**
   * A date as a clerk writes it (2026-12-01, 2026年12月1日, 2026.12.1, 2026/12/1, 20261201; full-width digits
   * too) as yyyy-mm-dd, the sheet format; null when it is not a date that exists.
   */
  function isoDate(text) {
    var t = String(text || '').replace(/\s+/g, '').replace(/[\uFF10-\uFF19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xFEE0);
    });
    var m = /^(\d{4})[-./\u5e74](\d{1,2})[-./\u6708](\d{1,2})\u65e5?$/.exec(t) || /^(\d{4})(\d\d)(\d\d)$/.exec(t);
    if (!m) {
      return null;
    }
    var y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    var feb = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]) {
      return null;
    }
    return m[1] + '-' + (mo < 10 ? '0' : '') + mo + '-' + (d < 10 ? '0' : '') + d;
  }
  /** yyyy-mm-dd as a Chinese form writes it: 2026 年 12 月 1 日. */
  function chineseDate(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
    return m ? m[1] + ' 年 ' + Number(m[2]) + ' 月 ' + Number(m[3]) + ' 日' : '';
  }
  function names(text) {
    return String(text || '').split(/[、,，;；\s]+/).filter(Boolean);
  }
  function validScore(v) {
    return typeof v === 'number' && isFinite(v);
  }

  /** The state as a sheet; reasons only where they are wanted (they never change a score). */
  function sheetOf(st, reasons) {
    var out = { rubric: rubric.id, fingerprint: FP };
    ['station', 'unit', 'date'].forEach(function (f) {
      if (st[f]) {
        out[f] = st[f];
      }
    });
    out.attributes = {};
    attrNames.forEach(function (n) {
      if (st.attributes[n]) {
        out.attributes[n] = st.attributes[n];
      }
    });
    if (Object.keys(st.targets).length) {
      out.targets = JSON.parse(JSON.stringify(st.targets)); // per-station targets (rubrics/README.md, Targets)
    }
    out.criteria = {};
    order.forEach(function (id) {
      var e = st.criteria[id];
      var o = {};
      if (e.mode === 'na') {
        o.notApplicable = true;
      } else if (!applies(crits[id], st.attributes)) {
        // not applicable by the station's attributes: the engine takes nothing else for it
      } else if (e.mode === 'score') {
        if (validScore(e.score)) {
          o.score = e.score;
        }
      } else {
        o.inputs = JSON.parse(JSON.stringify(e.inputs));
      }
      if (reasons && e.reason) {
        o.reason = e.reason;
      }
      out.criteria[id] = o;
    });
    out.vetoes = st.vetoes.slice();
    out.signatures = { unitHead: st.signatures.unitHead || null, members: names(st.signatures.members),
      leader: st.signatures.leader || null };
    return out;
  }

  /**
   * Scores the state. A criterion the engine refuses is left out so that the rest can be scored; its
   * error (the engine's error.message, as given) and the field it names are kept, and the page shows
   * the total as incomplete rather than as a higher score.
   */
  function scoreState(st) {
    var sheet = sheetOf(st, false);
    var errors = {};
    var fields = {};
    var seen = {};
    order.forEach(function (id) {
      var e = st.criteria[id];
      if (e.mode === 'score' && !validScore(e.score) && applies(crits[id], st.attributes)) {
        errors[id] = '请填写' + (crits[id].kind === 'penalty' ? '扣分' : '得分');
      }
    });
    for (;;) {
      try {
        return { b: K.score(rubric, sheet), errors: errors, fields: fields };
      } catch (x) {
        var id = x instanceof K.ScoreError ? order.filter(function (i) {
          var p = crits[i].path;
          return x.path === p || x.path.indexOf(p + '.') === 0 || x.path.indexOf(p + '[') === 0;
        })[0] : undefined;
        if (id === undefined || seen[id]) {
          throw x;
        }
        seen[id] = true;
        errors[id] = x.message;
        // what follows the criterion's path: ".inputs.<rule>", ".inputs[\"<rule>\"]" or ".score"
        var rest = x.path.slice(crits[id].path.length);
        var m = /^\.inputs(?:\.([A-Za-z_][\w]*)|\["((?:[^"\\]|\\.)*)"\])/.exec(rest);
        fields[id] = m ? { rule: m[1] || m[2].replace(/\\(.)/g, '$1') } : /^\.score/.test(rest) ? { direct: true } : {};
        sheet.criteria[id] = {};
      }
    }
  }

  F.BACKUP = BACKUP; F.FP = FP; F.K = K; F.MINUS = MINUS; F.PLACES = PLACES; F.ROLES = ROLES; F.STEP = STEP;
  F.STORE = STORE; F.all = all; F.applies = applies; F.attrDefs = attrDefs; F.attrLabel = attrLabel;
  F.attrNames = attrNames; F.attrTitle = attrTitle; F.blank = blank; F.chineseDate = chineseDate; F.crits = crits; F.el = el;
  F.emptyState = emptyState; F.flag = flag; F.fmt = fmt; F.hasOwn = hasOwn; F.isObj = isObj; F.isoDate = isoDate; F.names = names;
  F.order = order; F.own = own; F.page = page; F.panel = panel; F.plain = plain; F.rubric = rubric; F.scaled = scaled;
  F.scoreState = scoreState; F.setText = setText; F.sheetOf = sheetOf; F.show = show; F.signed = signed;
  F.timings = timings; F.validScore = validScore; F.vetoDefs = vetoDefs;
}());
