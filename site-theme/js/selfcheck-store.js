/*
 * selfcheck-store.js: saving in the browser, import, export, the #sheet= link, and the start.
 * One of the self-check form's scripts, loaded in order by selfcheck/<rubric>.html (selfcheck-base.js,
 * -words, -controls, -show, -store); they share window.KaopingForm, which the last one removes.
 */
(function (F) {
  'use strict';
  if (!F) {
    return;
  }
  var BACKUP = F.BACKUP, FP = F.FP, K = F.K, P = F.P, ROLES = F.ROLES, STORE = F.STORE, all = F.all, attrDefs = F.attrDefs,
      blank = F.blank, buildCriterion = F.buildCriterion, buildPanel = F.buildPanel, crits = F.crits, el = F.el,
      emptyState = F.emptyState, hasOwn = F.hasOwn, isObj = F.isObj, order = F.order, own = F.own, rubric = F.rubric,
      setText = F.setText, sheetOf = F.sheetOf, timings = F.timings, use = F.use, vetoDefs = F.vetoDefs;
  // ---------------------------------------------------------------- saving, import, export
  function save() {
    var keep = {};
    order.forEach(function (id) {
      var e = F.state.criteria[id];
      if (e.mode !== 'rules' && Object.keys(e.inputs).length) {
        keep[id] = e.inputs;
      }
    });
    try {
      // dateText only when it is not the stored date (a wrong date kept as typed, or 2026年12月1日)
      window.localStorage.setItem(STORE, JSON.stringify({ v: 1, sheet: sheetOf(F.state, true), stationUnit: F.state.stationUnit,
        dateText: F.state.dateText !== F.state.date ? F.state.dateText : undefined,
        auto: order.filter(function (id) {
          return F.state.criteria[id].auto;
        }), keep: keep }));
      setText(P.saved, '已自动保存在本机 ' + new Date().toTimeString().slice(0, 8));
    } catch (x) {
      setText(P.saved, '无法在本机保存进度，请用“导出评分表文件”保存。');
    }
  }

  function readStore(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || 'null');
    } catch (x) {
      return null;
    }
  }

  function restore(saved, head) {
    var got = load(saved.sheet, 'saved');
    (saved.auto || []).forEach(function (id) {
      if (hasOwn.call(got.st.criteria, id)) {
        got.st.criteria[id].auto = true;
      }
    });
    Object.keys(saved.keep || {}).forEach(function (id) {
      if (hasOwn.call(got.st.criteria, id) && isObj(saved.keep[id]) && saved.sheet.fingerprint === FP) {
        got.st.criteria[id].inputs = saved.keep[id];
      }
    });
    got.st.stationUnit = saved.stationUnit || got.st.unit;
    if (typeof saved.dateText === 'string') {
      got.st.dateText = saved.dateText;
      got.st.date = F.isoDate(saved.dateText) || '';
    }
    use(got.st);
    if (head || got.report.warnings.length || got.report.skipped.length) {
      showReport(head || '已恢复在本机保存的填写。', got.report);
    }
  }

  function exportJson() {
    return JSON.stringify(sheetOf(F.state, true), null, 2) + '\n';
  }

  function download() {
    var url = URL.createObjectURL(new Blob([exportJson()], { type: 'application/json' }));
    var a = el('a', { href: url, download: 'selfcheck-' + rubric.id + (F.state.station ? '-' + F.state.station : '')
      + (F.state.date ? '-' + F.state.date : '') + '.json', hidden: true });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 5000);
  }

  /**
   * A sheet as a state: whatever fits this rubric is taken; the rest is listed in the report. A sheet
   * made for another rubric, or for another version of this one, is said so plainly.
   */
  function load(sheet, from) {
    if (!isObj(sheet) || !isObj(sheet.criteria)) {
      throw new Error('这不是评分表文件：文件中没有逐项得分。');
    }
    var report = { imported: 0, skipped: [], warnings: [], invalid: 0 };
    var skip = function (t) {
      report.skipped.push(t);
    };
    if (sheet.rubric !== rubric.id) {
      // Items of two rubrics that share a number are not the same item: merging them gives a
      // meaningless total, so a sheet of another rubric is refused, naming both.
      var other = own(F.page.titles, sheet.rubric);
      throw new Error('这份评分表是按' + (other ? '《' + other + '》' : '另一份细则') + '填写的，本页是《' + rubric.title
        + '》。两份细则的评分项不同，不能合并导入。' + (other ? '请打开《' + other + '》的自查评分表再导入。' : ''));
    }
    if (sheet.fingerprint != null && sheet.fingerprint !== FP) {
      report.warnings.push('这份评分表是按本细则的另一个版本填写的（文件中的版本 ' + sheet.fingerprint + '，本页 ' + FP
        + '）。只导入与本版本相符的评分项，请核对细则有变化的评分项。');
    } else if (sheet.fingerprint == null && from === 'file') {
      report.warnings.push('文件没有注明细则版本，无法确认是按本版本填写的。');
    }
    var st = emptyState();
    ['station', 'unit'].forEach(function (f) {
      st[f] = typeof sheet[f] === 'string' ? sheet[f] : '';
    });
    st.stationUnit = st.unit;
    st.date = /^\d{4}-\d\d-\d\d$/.test(sheet.date) && F.isoDate(sheet.date) ? sheet.date : '';
    Object.keys(isObj(sheet.attributes) ? sheet.attributes : {}).forEach(function (n) {
      var v = sheet.attributes[n];
      if (own(attrDefs[n] && attrDefs[n].values, v) !== undefined) {
        st.attributes[n] = v;
      } else {
        skip('所的属性 ' + n + ' = ' + JSON.stringify(v) + '：本细则没有这一属性或取值');
      }
    });
    Object.keys(isObj(sheet.targets) ? sheet.targets : {}).forEach(function (key) {
      var v = sheet.targets[key];
      var ids = key.split('/');
      var k = own(crits, ids[0]);
      var r = k && ids.length === 2 ? F.ruleOf(k, ids[1]) : null;
      if (r && r.targetPerStation === true && typeof v === 'number' && v > 0) {
        st.targets[key] = v;
      } else {
        skip('本所目标 ' + key + ' = ' + JSON.stringify(v) + '：本细则没有按所设定目标的这一条');
      }
    });
    Object.keys(sheet.criteria).forEach(function (id) {
      var k = own(crits, id);
      var entry = sheet.criteria[id];
      var where = '评分项 ' + (k ? k.c.number + '（' + id + '）' : id) + '：';
      if (!k || !isObj(entry)) {
        skip(where + (k ? '格式不对' : '本细则没有这一项'));
        return;
      }
      var probe = {};
      var attrs = {};
      ['score', 'inputs', 'notApplicable'].forEach(function (f) {
        if (hasOwn.call(entry, f)) {
          probe[f] = entry[f];
        }
      });
      Object.keys(st.attributes).forEach(function (n) {
        if (!k.c.appliesTo || k.c.appliesTo.attribute !== n) {
          attrs[n] = st.attributes[n];
        }
      });
      var one = {};
      one[id] = probe;
      var plausible = (probe.score === undefined || typeof probe.score === 'number')
        && (probe.inputs === undefined || isObj(probe.inputs))
        && (probe.notApplicable === undefined || typeof probe.notApplicable === 'boolean');
      if (!plausible) {
        skip(where + '格式不对');
        return;
      }
      if (probe.inputs) {
        // an input for a rule this rubric does not have cannot be shown or fixed here: listed, not kept
        probe.inputs = JSON.parse(JSON.stringify(probe.inputs));
        Object.keys(probe.inputs).forEach(function (r) {
          if (!F.ruleOf(k, r)) {
            skip(where + '本细则没有规则“' + r + '”');
            delete probe.inputs[r];
          }
        });
      }
      try {
        K.score(rubric, { attributes: attrs, criteria: one, targets: st.targets });
      } catch (x) {
        // Kept as typed: the form marks the field and shows the total as incomplete.
        report.invalid++;
      }
      var e = blank(id);
      if (probe.notApplicable === true) {
        e.mode = 'na';
      } else if (probe.score != null) {
        e.mode = 'score';
        e.score = probe.score;
      } else if (isObj(probe.inputs) && k.rules.length) {
        e.mode = 'rules';
        e.inputs = JSON.parse(JSON.stringify(probe.inputs));
      }
      if (typeof entry.reason === 'string' && entry.reason) {
        e.reason = entry.reason;
        e.auto = false;
      }
      st.criteria[id] = e;
      report.imported++;
    });
    (Array.isArray(sheet.vetoes) ? sheet.vetoes : []).forEach(function (v) {
      if (hasOwn.call(vetoDefs, v)) {
        st.vetoes.push(v);
      } else {
        skip('一票否决 ' + JSON.stringify(v) + '：本细则没有这一条');
      }
    });
    var sg = isObj(sheet.signatures) ? sheet.signatures : {};
    ROLES.forEach(function (r) {
      st.signatures[r] = r === 'members' ? (Array.isArray(sg.members) ? sg.members.join('、') : '')
        : typeof sg[r] === 'string' ? sg[r] : '';
    });
    return { st: st, report: report };
  }

  function importText(text, name) {
    var what = name ? '“' + name + '”' : '';
    try {
      var got = load(JSON.parse(text), 'file');
      use(got.st);
      showReport('已导入' + what + '：' + got.report.imported + ' 个评分项。', got.report);
      return got.report;
    } catch (x) {
      notice('无法导入' + what + '：' + (x instanceof SyntaxError ? '文件内容不是评分表的数据格式。' : x.message), [], true);
      return { imported: 0, skipped: [], warnings: [x.message] };
    }
  }

  function showReport(head, report, extra) {
    var lines = report.warnings.slice();
    if (report.invalid) {
      lines.push('其中 ' + report.invalid + ' 项的数值有误，已按原样保留并标红，请逐项修改。');
    }
    if (report.skipped.length) {
      lines.push('以下 ' + report.skipped.length + ' 项未导入：');
    }
    notice(head, lines, lines.length > 0, report.skipped, extra);
  }

  function notice(head, lines, warn, list, extra) {
    var n = P.notice;
    n.textContent = '';
    n.className = 'sc-notice' + (warn ? ' sc-warn' : '');
    n.appendChild(el('p', { cls: 'sc-notice-head', text: head }));
    lines.forEach(function (l) {
      n.appendChild(el('p', { text: l }));
    });
    if (list && list.length) {
      n.appendChild(el('ul', null, list.map(function (t) {
        return el('li', { text: t });
      })));
    }
    n.appendChild(extra || document.createTextNode(''));
    n.appendChild(el('button', { type: 'button', cls: 'sc-link', text: '关闭提示', onclick: function () {
      n.textContent = '';
      n.className = 'sc-notice';
    } }));
  }

  /**
   * Brings a criterion's row (id="c-<id>", as the station page links it) into view below the sticky totals
   * and marks it; the address keeps #c-<id>, so a reload comes back to it.
   */
  function toRow(id, tip) {
    var k = own(crits, id);
    var tr = k ? document.getElementById('c-' + id) : null;
    if (!tr) {
      return;
    }
    var box = tr.querySelector('.sc-controls');
    if (tip && box && !box.querySelector('.sc-tip')) {
      // the sheet gives this item as a score: say how to try a fix, where the clerk now looks
      box.insertBefore(el('p', { cls: 'sc-tip', text: k.rules.length
        ? '试算整改：把“计分方式”改为“按细则逐条计分”，按整改后的情况填写，合计得分随即更新。'
        : '试算整改：在“得分”中填入整改后的得分，合计得分随即更新。' }), box.firstChild);
    }
    try {
      window.history.replaceState(null, '', window.location.pathname + window.location.search + '#c-' + id);
      // a reload lands on the row again, not where the page stood before (its notice has gone by then)
      window.history.scrollRestoration = 'manual';
    } catch (x) {
      // the row is still shown and marked
    }
    all('tr.sc-target', function (t) {
      t.classList.remove('sc-target');
    });
    tr.classList.add('sc-target');
    var sticky = document.querySelector('.sc-sticky');
    var top = tr.getBoundingClientRect().top + window.pageYOffset - (sticky ? sticky.offsetHeight : 0) - 8;
    window.scrollTo(0, Math.max(0, top));
  }

  /** #sheet=… (optionally &row=<criterion id>) opens the form with that sheet; what was saved before is kept aside. */
  function fromAddress() {
    var m = /^#sheet=([\w-]+)(?:&row=([\w.%-]+))?$/.exec(window.location.hash);
    if (!m) {
      return false;
    }
    var row = null;
    try {
      row = m[2] ? decodeURIComponent(m[2]) : null;
    } catch (x) {
      row = null;
    }
    try {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    } catch (x) {
      // the address keeps its fragment, and a reload opens the same sheet again
    }
    var sheet;
    var got;
    try {
      var bin = window.atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) {
        bytes[i] = bin.charCodeAt(i);
      }
      sheet = JSON.parse(new TextDecoder('utf-8').decode(bytes));
      got = load(sheet, 'link');
    } catch (x) {
      notice('链接中的评分表无法读取：' + x.message, [], true);
      return false;
    }
    var before = readStore(STORE);
    if (before) {
      try {
        window.localStorage.setItem(BACKUP, JSON.stringify(before));
      } catch (x) {
        before = null;
      }
    }
    use(got.st);
    showReport('已载入' + (sheet.unit || sheet.station || '') + (sheet.date ? '（' + sheet.date + '）' : '') + '的评分表，共 '
      + got.report.imported + ' 个评分项。把某一项改为“按细则逐条计分”并按整改后的情况填写，即可看到能挽回多少分。', got.report,
      before ? el('p', null, ['此前在本机保存的填写已另存。', el('button', { type: 'button', cls: 'sc-link',
        text: '恢复此前的填写', onclick: function () {
          var saved = readStore(BACKUP);
          if (saved) {
            restore(saved, '已恢复此前的填写。');
          }
        } })]) : null);
    if (row) {
      toRow(row, true);
    }
    return true;
  }

  // ---------------------------------------------------------------- start
  F.download = download; F.importText = importText; F.notice = notice; F.save = save;
  F.state = emptyState();
  buildPanel();
  order.forEach(buildCriterion);
  document.documentElement.classList.add('sc-ready');
  if (!fromAddress()) {
    var saved = readStore(STORE);
    try {
      restore(saved);
    } catch (x) {
      use(emptyState());
    }
    var at = /^#c-([\w.-]+)$/.exec(window.location.hash);
    if (at) {
      toRow(at[1]); // the controls just added moved the row the browser scrolled to
    }
  }
  window.addEventListener('hashchange', function () {
    var to = /^#c-([\w.-]+)$/.exec(window.location.hash);
    if (to) {
      toRow(to[1]);
    }
  });
  window.KaopingSelfCheck = Object.freeze({
    sheet: function () {
      return sheetOf(F.state, true);
    },
    exportJson: exportJson,
    importText: importText,
    breakdown: function () {
      return F.last && F.last.b;
    },
    timings: timings
  });
  delete window.KaopingForm;

}(window.KaopingForm));
