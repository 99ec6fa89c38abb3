/*
 * selfcheck-controls.js: the controls: one per rule, the modes per criterion, and the panel above the sheet.
 * One of the self-check form's scripts, loaded in order by selfcheck/<rubric>.html (selfcheck-base.js,
 * -words, -controls, -show, -store); they share window.KaopingForm, which the last one removes.
 */
(function (F) {
  'use strict';
  if (!F) {
    return;
  }
  var MINUS = F.MINUS, PLACES = F.PLACES, STEP = F.STEP, all = F.all, attrDefs = F.attrDefs, attrNames = F.attrNames,
      crits = F.crits, el = F.el, emptyState = F.emptyState, fmt = F.fmt, hint = F.hint, own = F.own,
      panel = F.panel, plain = F.plain, show = F.show, validScore = F.validScore;
  // ---------------------------------------------------------------- controls, one criterion at a time
  var ui = {};
  var rows = {};
  var subtotals = {};
  all('tr[data-criterion]', function (tr) {
    rows[tr.getAttribute('data-criterion')] = tr;
  });
  all('[data-subtotal]', function (td) {
    subtotals[td.getAttribute('data-subtotal')] = td;
  });

  function setInput(id, rule, v) {
    if (v === undefined) {
      delete F.state.criteria[id].inputs[rule];
    } else {
      F.state.criteria[id].inputs[rule] = v;
    }
    F.changed();
  }
  function numberOf(input) {
    var t = input.value.trim();
    return t === '' || !isFinite(Number(t)) ? undefined : Number(t);
  }
  function numField(id, attrs) {
    attrs.type = 'number';
    attrs.id = id;
    attrs.cls = 'sc-n';
    attrs.inputmode = 'decimal';
    return el('input', attrs);
  }
  /** A number field between − and + buttons; next(value, ±1) gives the value a button sets. */
  function stepper(input, label, next) {
    function bump(dir) {
      var v = numberOf(input);
      input.value = String(next(v === undefined ? Number(input.placeholder || 0) : v, dir));
      input.dispatchEvent(new Event('input'));
    }
    return el('span', { cls: 'sc-stepper' }, [
      el('button', { type: 'button', cls: 'sc-bump', 'aria-label': '减少：' + label, text: MINUS, onclick: function () {
        bump(-1);
      } }), input,
      el('button', { type: 'button', cls: 'sc-bump', 'aria-label': '增加：' + label, text: '+', onclick: function () {
        bump(1);
      } })]);
  }

  function buildRule(id, k, r, ri) {
    var fid = 'sc-' + k.n + '-' + ri;
    var label = k.c.number + ' ' + (r.text.length > 20 ? r.text.slice(0, 20) + '…' : r.text);
    var box = el('div', { cls: 'sc-rule', 'data-rule': r.id });
    var text = el('label', { 'for': fid, text: r.text });
    var ctl;
    var sync;
    var kind = r.kind;
    if (kind === 'zeroing') {
      var cb = el('input', { type: 'checkbox', id: fid, onchange: function () {
        setInput(id, r.id, cb.checked || undefined);
      } });
      text = el('label', { cls: 'sc-tick', 'for': fid }, [cb, r.text]);
      sync = function (v) {
        cb.checked = v === true;
      };
    } else if (kind === 'levels') {
      var best = r.levels.slice().sort(function (a, b) {
        return b.points - a.points;
      })[0];
      var sel = el('select', { id: fid, onchange: function () {
        setInput(id, r.id, sel.value);
      } }, r.levels.map(function (l) {
        return el('option', { value: l.code, text: l.label + '（' + plain(l.points) + ' 分）' });
      }));
      ctl = sel;
      sync = function (v) {
        sel.value = v === undefined ? best.code : v;
      };
    } else if (kind === 'discretionaryEach') {
      var list = el('input', { type: 'text', id: fid, cls: 'sc-list', inputmode: 'decimal', placeholder: '如 1 2.5',
        'aria-describedby': fid + '-h', oninput: function () {
          var parts = list.value.split(/[\s,，、;；]+/).filter(Boolean);
          setInput(id, r.id, parts.length ? parts.map(function (t) {
            return isFinite(Number(t)) ? Number(t) : t;
          }) : undefined);
        } });
      ctl = list;
      sync = function (v) {
        list.value = Array.isArray(v) ? v.join(' ') : '';
      };
    } else if (kind === 'discretionaryIf') {
      var valueF = numField(fid, { min: 0, step: 'any', 'aria-describedby': fid + '-h' });
      var amountF = numField(fid + '-a', { min: 0, max: r.max, step: STEP, placeholder: '0' });
      var both = function () {
        var o = {};
        var v = numberOf(valueF);
        var a = numberOf(amountF);
        if (v !== undefined) {
          o.value = v;
        }
        if (a !== undefined && a !== 0) {
          o.amount = a;
        }
        setInput(id, r.id, Object.keys(o).length ? o : undefined);
      };
      valueF.addEventListener('input', both);
      amountF.addEventListener('input', both);
      ctl = el('span', { cls: 'sc-counts' }, [el('span', { text: '实际 ' }), valueF,
        el('label', { 'for': amountF.id }, ['扣分 ', amountF])]);
      sync = function (v) {
        valueF.value = v && v.value != null ? String(v.value) : '';
        amountF.value = v && v.amount != null ? String(v.amount) : '';
      };
    } else if (kind === 'escalating') {
      var fs = r.steps.map(function (s, i) {
        return numField(fid + '-' + i, { min: 0, step: 1, placeholder: '0', oninput: function () {
          var counts = fs.map(function (f) {
            return numberOf(f) || 0;
          });
          while (counts.length && !counts[counts.length - 1]) {
            counts.pop();
          }
          setInput(id, r.id, counts.length ? counts : undefined);
        } });
      });
      ctl = el('span', { cls: 'sc-counts' }, fs.map(function (f, i) {
        return el('label', { 'for': f.id }, ['第 ' + (i + 1) + ' 次 ', f, ' 人次']);
      }));
      text = el('span', { text: r.text });
      sync = function (v) {
        fs.forEach(function (f, i) {
          f.value = Array.isArray(v) && v[i] ? String(v[i]) : '';
        });
      };
    } else {
      // counts (perCount, awardPerCount, symmetric, overTarget), discretionary amounts, achieved values
      var around = kind === 'symmetric' || kind === 'overTarget';
      var count = around || /perCount/.test(kind) || kind === 'earnPerCount';
      var none = around ? r.target : count || kind === 'discretionary' ? 0 : undefined;
      var f = numField(fid, { min: 0, max: kind === 'discretionary' ? r.max : null,
        step: count ? 1 : kind === 'discretionary' || kind === 'direct' ? STEP : 'any',
        placeholder: none === undefined ? null : String(none), 'aria-describedby': fid + '-h' });
      f.addEventListener('input', function () {
        var v = numberOf(f);
        setInput(id, r.id, v === none ? undefined : v);
      });
      if (count) {
        ctl = stepper(f, label, function (v, dir) {
          return Math.max(0, Math.round(v) + dir);
        });
      } else if (kind === 'discretionary') {
        var lo = Number(r.min);
        var hi = Number(r.max);
        var nudge = hi >= 1 && Math.abs(0.5 / STEP - Math.round(0.5 / STEP)) < 1e-9 ? 0.5 : Number(STEP);
        ctl = stepper(f, label, function (v, dir) {
          var n = Number((v + dir * nudge).toFixed(PLACES));
          return dir > 0 ? Math.min(hi, Math.max(n, lo)) : n < lo ? (v > lo ? lo : 0) : n;
        });
      } else {
        ctl = f;
      }
      sync = function (v) {
        f.value = v === undefined ? (around ? String(none) : '') : String(v);
      };
    }
    var effect = el('span', { cls: 'sc-effect' });
    var h = el('span', { cls: 'sc-hint', id: fid + '-h' });
    box.appendChild(text);
    if (r.targetPerStation === true) {
      // the station's own target, set in another document (年度任务分解表): goes into the sheet's "targets"
      var key = id + '/' + r.id;
      var tf = numField(fid + '-t', { min: 0, step: 'any', oninput: function () {
        var t = numberOf(tf);
        if (t === undefined || t <= 0) {
          delete F.state.targets[key];
        } else {
          F.state.targets[key] = t;
        }
        F.changed();
      } });
      box.appendChild(el('span', { cls: 'sc-ctl' }, [el('label', { 'for': tf.id }, ['本所目标 ', tf])]));
      var syncInput = sync;
      sync = function (v) {
        tf.value = own(F.state.targets, key) != null ? String(F.state.targets[key]) : '';
        syncInput(v);
      };
    }
    box.appendChild(el('span', { cls: 'sc-ctl' }, [ctl || null, effect]));
    box.appendChild(h);
    return { box: box, sync: sync, effect: effect, hint: h };
  }

  function buildCriterion(id) {
    var k = crits[id];
    var tr = rows[id];
    var u = { rules: {}, row: tr };
    var mid = 'sc-m' + k.n;
    u.mode = el('select', { id: mid, onchange: function () {
      var e = F.state.criteria[id];
      var cs = findScore(id);
      if (u.mode.value === 'score' && e.mode !== 'score' && cs && cs.status !== 'not-applicable') {
        e.score = Number(cs.score);
      }
      e.mode = u.mode.value;
      syncCriterion(id);
      F.changed();
    } }, [k.rules.length ? el('option', { value: 'rules', text: '按细则逐条计分' }) : null,
      el('option', { value: 'score', text: '直接打分' }), el('option', { value: 'na', text: '不适用' })]);
    u.rulesBox = el('div', { cls: 'sc-rules' }, k.rules.map(function (r, i) {
      u.rules[r.id] = buildRule(id, k, r, i);
      return u.rules[r.id].box;
    }));
    var hi = k.kind === 'score' ? k.rules.reduce(function (a, r) {
      return r.kind === 'overTarget' ? a + Number(r.bonusCap) : a;
    }, Number(k.c.points || 0)) : k.c.points != null ? Number(k.c.points) : null;
    // The field starts empty with the default (full points, or 0 for bonus and penalty items) as its
    // placeholder, so typing 9.5 gives 9.5, not "109.5"; focusing it selects what is there.
    var dflt = directDefault(k);
    u.direct = numField('sc-d' + k.n, { min: 0, max: hi, step: STEP, placeholder: fmt(dflt), oninput: function () {
      var v = numberOf(u.direct);
      F.state.criteria[id].score = v === undefined ? (u.direct.validity.badInput ? null : dflt) : k.kind === 'penalty' ? -v : v;
      F.changed();
    }, onfocus: function () {
      try {
        u.direct.select();
      } catch (x) {
        // not every browser selects inside a number field
      }
    } });
    u.directBox = el('div', { cls: 'sc-direct' }, [el('label', { 'for': 'sc-d' + k.n, text: { penalty: '扣分 ', bonus: '加分 ' }[k.kind] || '得分 ' }),
      u.direct, el('span', { cls: 'sc-hint', text: ' 0' + (hi !== null ? '–' + fmt(hi) : ' 起') + ' 分，最小单位 ' + STEP
        + ' 分；留空按 ' + fmt(dflt) + ' 分计' })]);
    u.note = el('p', { cls: 'sc-note', hidden: true });
    u.error = el('p', { cls: 'sc-error', hidden: true });
    tr.querySelector('.cs').appendChild(el('div', { cls: 'sc-controls' }, [
      el('div', { cls: 'sc-mode' }, [el('label', { 'for': mid, text: '计分方式 ' }), u.mode]), u.rulesBox, u.directBox, u.note, u.error]));
    u.score = el('span', { cls: 'sc-score' });
    u.lost = el('span', { cls: 'sc-lost' });
    tr.querySelector('.cg').appendChild(u.score);
    tr.querySelector('.cg').appendChild(u.lost);
    u.reason = el('textarea', { rows: 2, cls: 'sc-reason', 'aria-label': '扣分原因（' + k.c.number + '）', oninput: function () {
      F.state.criteria[id].reason = u.reason.value;
      F.state.criteria[id].auto = false;
      F.changed();
    } });
    u.rewrite = el('button', { type: 'button', cls: 'sc-link', hidden: true, text: '按规则重写',
      'aria-label': '按规则重写扣分原因（' + k.c.number + '）', onclick: function () {
        F.state.criteria[id].auto = true;
        F.changed();
      } });
    u.reasonPrint = el('span', { cls: 'sc-print' });
    [u.reason, u.rewrite, u.reasonPrint].forEach(function (n) {
      tr.querySelector('.cr').appendChild(n);
    });
    ui[id] = u;
  }

  function syncCriterion(id) {
    var u = ui[id];
    var e = F.state.criteria[id];
    u.mode.value = e.mode;
    show(u.rulesBox, e.mode === 'rules');
    show(u.directBox, e.mode === 'score');
    Object.keys(u.rules).forEach(function (r) {
      u.rules[r].sync(own(e.inputs, r));
    });
    var v = validScore(e.score) && e.score !== directDefault(crits[id])
      ? String(crits[id].kind === 'penalty' ? -e.score : e.score) : '';
    if (u.direct.value !== v && !(v !== '' && Number(u.direct.value) === Number(v))) {
      u.direct.value = v;
    }
    if (u.reason.value !== e.reason) {
      u.reason.value = e.reason;
    }
  }

  function directDefault(k) {
    return k.kind === 'score' ? Number(k.c.points || 0) : 0;
  }

  function findScore(id) {
    var found = null;
    (F.last ? F.last.b.sections : []).forEach(function (s) {
      s.criteria.forEach(function (c) {
        if (c.id === id) {
          found = c;
        }
      });
    });
    return found;
  }

  // ---------------------------------------------------------------- the panel
  var P = { attrs: {}, vetoes: {}, sign: {}, fill: {} };

  function field(id, label, input) {
    return el('div', { cls: 'sc-field' }, [el('label', { 'for': id, text: label }), input]);
  }

  function buildPanel() {
    P.unit = el('input', { type: 'text', id: 'sc-unit', oninput: function () {
      F.state.unit = P.unit.value;
      if (F.state.station && F.state.unit !== F.state.stationUnit) {
        F.state.station = '';
      }
      F.changed();
    } });
    // A text field, not type=date: the browser's date control shows its own locale (mm/dd/yyyy). The clerk
    // writes the date as on paper; the sheet stores yyyy-mm-dd, and a date that does not exist is marked.
    P.date = el('input', { type: 'text', id: 'sc-date', placeholder: '2026-12-01', autocomplete: 'off', maxlength: '20',
      'aria-describedby': 'sc-date-hint', oninput: function () {
        F.state.dateText = P.date.value;
        F.state.date = F.isoDate(P.date.value) || '';
        F.changed();
      } });
    P.dateHint = el('span', { id: 'sc-date-hint', cls: 'sc-hint' });
    var fields = el('div', { cls: 'sc-fields' }, [field('sc-unit', '单位', P.unit),
      el('div', { cls: 'sc-field' }, [el('label', { 'for': 'sc-date', text: '日期' }), P.date, P.dateHint])]);
    attrNames.forEach(function (name, i) {
      var vals = attrDefs[name].values;
      var sel = el('select', { id: 'sc-a' + i, onchange: function () {
        if (sel.value) {
          F.state.attributes[name] = sel.value;
        } else {
          delete F.state.attributes[name];
        }
        F.attributesChanged();
        F.changed();
      } }, [el('option', { value: '', text: '（未选择）' })].concat(Object.keys(vals).sort().map(function (v) {
        return el('option', { value: v, text: vals[v] });
      })));
      P.attrs[name] = sel;
      fields.appendChild(field('sc-a' + i, attrDefs[name].title, sel));
    });
    P.total = el('output', { id: 'sc-total', cls: 'sc-total' });
    P.max = el('span', { cls: 'sc-muted' });
    P.sub = el('p', { cls: 'sc-sub-line' });
    P.veto = el('p', { cls: 'sc-veto', hidden: true });
    P.errors = el('p', { cls: 'sc-error', hidden: true });
    // The browser's own file picker speaks the browser's language ("Choose File"); the visible control
    // is the Chinese label, the input itself is visually hidden but focusable.
    P.file = el('input', { type: 'file', id: 'sc-import', cls: 'sc-file', accept: '.json,application/json', onchange: function () {
      var f = P.file.files && P.file.files[0];
      var reader = new FileReader();
      if (!f) {
        return;
      }
      reader.onload = function () {
        F.importText(String(reader.result), f.name);
        P.file.value = '';
      };
      reader.onerror = function () {
        F.notice('读取文件失败：' + f.name, [], true);
      };
      reader.readAsText(f, 'utf-8');
    } });
    P.saved = el('span', { cls: 'sc-muted' });
    P.notice = el('div', { cls: 'sc-notice', role: 'status' });
    // The totals stay in view while the sheet scrolls: sticky within <main>, not within the panel.
    P.sticky = panel.parentNode.insertBefore(el('div', { cls: 'sc-sticky', role: 'group', 'aria-label': '得分汇总' }, [
      el('p', { cls: 'sc-total-line' }, [panel.getAttribute('data-total-label') + ' ', P.total, P.max]), P.sub, P.veto, P.errors]),
    panel);
    // Scrolling to a control (keyboard focus, find in page) keeps it clear of the sticky totals.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        document.documentElement.style.scrollPaddingTop = P.sticky.offsetHeight + 8 + 'px';
      }).observe(P.sticky);
    }
    panel.appendChild(fields);
    panel.appendChild(el('div', { cls: 'sc-toolbar' }, [
      el('button', { type: 'button', id: 'sc-export', text: '导出评分表文件', onclick: F.download }),
      el('span', { cls: 'sc-file-pick' }, [P.file, el('label', { 'for': 'sc-import', text: '导入评分表文件（.json）' })]),
      el('button', { type: 'button', text: '打印评分表', onclick: function () {
        window.print();
      } }),
      el('button', { type: 'button', text: '清空重填', onclick: function () {
        if (window.confirm('清空本页的全部填写？（已导出的文件不受影响）')) {
          F.use(emptyState());
          F.notice('已清空。', [], false);
        }
      } }), P.saved]));
    panel.appendChild(P.notice);
    panel.hidden = false;

    all('li[data-veto]', function (li, i) {
      var vid = li.getAttribute('data-veto');
      var cb = el('input', { type: 'checkbox', id: 'sc-v' + i, onchange: function () {
        F.state.vetoes = F.state.vetoes.filter(function (x) {
          return x !== vid;
        }).concat(cb.checked ? [vid] : []);
        F.changed();
      } });
      var label = el('label', { 'for': 'sc-v' + i });
      var text = li.querySelector('.sc-veto-text');
      li.insertBefore(label, text);
      label.appendChild(text);
      li.insertBefore(cb, label);
      P.vetoes[vid] = { cb: cb, li: li, box: li.insertBefore(el('span', { cls: 'sc-print', 'aria-hidden': 'true' }), cb),
        source: li.appendChild(el('span')) };
    });
    all('[data-sign]', function (p) {
      var role = p.getAttribute('data-sign');
      P.sign[role] = p.appendChild(el('input', { type: 'text', cls: 'sc-screen',
        'aria-label': p.firstChild.textContent.replace('：', '') + '（可留空，打印后手签）', oninput: function () {
          F.state.signatures[role] = P.sign[role].value;
          F.changed();
        } }));
    });
    P.printUnit = document.querySelector('.print-head-unit');
    all('[data-sc-field]', function (n) {
      P.fill[n.getAttribute('data-sc-field')] = n;
    });
  }

  F.P = P; F.buildCriterion = buildCriterion; F.buildPanel = buildPanel; F.subtotals = subtotals;
  F.syncCriterion = syncCriterion; F.ui = ui;
}(window.KaopingForm));
