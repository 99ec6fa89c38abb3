/*
 * selfcheck.js: the self-check form (自查评分表) of one rubric, scored by window.Kaoping.score
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
  var state;
  var last = null;
  var timings = [];

  function blank(id) {
    var k = crits[id];
    return { mode: k.rules.length ? 'rules' : 'score', inputs: {}, score: k.kind === 'score' ? Number(k.c.points || 0) : 0,
      reason: '', auto: true };
  }
  function emptyState() {
    var st = { station: '', stationUnit: '', unit: '', date: '', attributes: {}, targets: {}, criteria: {}, vetoes: [],
      signatures: { unitHead: '', members: '', leader: '' } };
    order.forEach(function (id) {
      st.criteria[id] = blank(id);
    });
    return st;
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

  /** Scores the state. A criterion the engine refuses counts as not recorded, and its error is kept. */
  function scoreState(st) {
    var sheet = sheetOf(st, false);
    var errors = {};
    order.forEach(function (id) {
      var e = st.criteria[id];
      if (e.mode === 'score' && !validScore(e.score) && applies(crits[id], st.attributes)) {
        errors[id] = '请填写' + (crits[id].kind === 'penalty' ? '扣分' : '得分');
      }
    });
    for (;;) {
      try {
        return { b: K.score(rubric, sheet), errors: errors };
      } catch (x) {
        var id = x instanceof K.ScoreError ? order.filter(function (i) {
          var p = crits[i].path;
          return x.path === p || x.path.indexOf(p + '.') === 0 || x.path.indexOf(p + '[') === 0;
        })[0] : undefined;
        if (id === undefined || errors[id] === x.detail) {
          throw x;
        }
        errors[id] = x.detail;
        sheet.criteria[id] = {};
      }
    }
  }

  // ---------------------------------------------------------------- words
  function targetOf(r, attrs) {
    if (r.target != null) {
      return r.target;
    }
    var v = own(attrs, r.attribute);
    return v && own(r.targets, v) != null ? r.targets[v] : null;
  }
  function hint(r, attrs) {
    var p = plain(r.per);
    var cap = r.cap != null ? plain(r.cap) : null;
    switch (r.kind) {
      case 'perCount':
        return '填发现的处数：每处扣 ' + p + ' 分' + (cap ? '，最多扣 ' + cap + ' 分' : '');
      case 'awardPerCount':
        return '填件数：每件加 ' + p + ' 分' + (cap ? '，最多加 ' + cap + ' 分' : '');
      case 'symmetric':
        return '填实际数，目标 ' + r.target + '：每多 1 加 ' + p + ' 分，每少 1 扣 ' + p + ' 分' + (cap ? '，各以 ' + cap + ' 分为限' : '');
      case 'overTarget':
        return '填实际数，目标 ' + r.target + '：每少 1 扣 ' + p + ' 分' + (cap ? '（最多 ' + cap + ' 分）' : '') + '，每多 1 加 '
          + p + ' 分（最多加 ' + plain(r.bonusCap) + ' 分）';
      case 'discretionary':
        return '酌情扣分：' + (Number(r.min) > 0 ? '0 或 ' + plain(r.min) + '–' : '0–') + plain(r.max) + ' 分，最小单位 ' + STEP + ' 分';
      case 'completionRatio': {
        if (r.targetPerStation) {
          return '填实际完成数，目标按本所目标（在上方填写），按未完成的比例扣分';
        }
        var t = targetOf(r, attrs);
        return '填实际完成数，目标 ' + (t !== null ? plain(t) : Object.keys(r.targets || {}).map(function (v) {
          return attrLabel(r.attribute, v) + ' ' + plain(r.targets[v]);
        }).join('、') + '（请先在上方选择' + attrTitle(r.attribute) + '）') + '，按未完成的比例扣分'
          + (r.zeroBelow != null ? '；不到目标的 ' + plain(String(Math.round(r.zeroBelow * 1e4) / 100)) + '% 本项不得分' : '');
      }
      case 'threshold':
        return '填实际数值：' + (r.atLeast != null ? '低于 ' + plain(r.atLeast) : '高于 ' + plain(r.atMost))
          + (r.zero ? ' 本项不得分' : ' 扣 ' + plain(r.deduct) + ' 分');
      case 'escalating':
        return r.steps.map(function (s, i) {
          return '第 ' + (i + 1) + ' 次每次扣 ' + plain(s) + ' 分';
        }).join('，') + (cap ? '，最多扣 ' + cap + ' 分' : '');
      case 'levels':
        return '按达到的档次计分';
      case 'excessRatio':
        return '填实际完成数，目标 ' + (r.targetPerStation ? '按本所目标（在上方填写）' : (targetOf(r, attrs) !== null
          ? plain(targetOf(r, attrs)) : '视所别而定')) + '：超出目标的部分按比例加分，超出一倍加 ' + p + ' 分，最多加 '
          + plain(r.cap) + ' 分';
      case 'earnPerCount':
        return '填件数：每件得 ' + p + ' 分，从 0 分起计' + (cap ? '，最多 ' + cap + ' 分' : '，得满为止');
      case 'discretionaryEach':
        return '每人次酌情扣 ' + plain(r.min) + '–' + plain(r.max) + ' 分，逐次填写，用空格或逗号分开' + (cap ? '，合计最多扣 ' + cap + ' 分' : '');
      case 'discretionaryIf':
        return '先填实际数值：' + (r.atLeast != null ? '低于 ' + plain(r.atLeast) : '高于 ' + plain(r.atMost)) + ' 时方可酌情扣 '
          + plain(r.min) + '–' + plain(r.max) + ' 分';
      case 'direct':
        return '由考核组直接评定这一部分的得分，不填按满分计';
      default:
        return '';
    }
  }

  /** 扣分原因 written from the rules that took (or gave) points. */
  function autoReason(k, cs, inputs) {
    var out = [];
    cs.rules.forEach(function (o) {
      var r = ruleOf(k, o.ruleId);
      var v = own(inputs, o.ruleId);
      var e = Number(o.effect);
      var how = r.kind === 'earnPerCount' ? (v || 0) + ' 件，' : /perCount/.test(r.kind) ? v + ' 处，' : r.kind === 'levels' ? (r.levels.filter(function (l) {
        return l.code === v;
      })[0] || { label: '' }).label + '，' : /completionRatio|excessRatio|threshold|symmetric|overTarget/.test(r.kind) ? '实际 ' + v + '，'
        : r.kind === 'discretionaryIf' && v ? '实际 ' + v.value + '，' : r.kind === 'discretionaryEach' && v ? v.length + ' 人次，'
        : r.kind === 'direct' ? '评定 ' + v + ' 分，' : '';
      if (o.zeroes) {
        out.push(r.text + '（' + how + '本项不得分）');
      } else if (e !== 0) {
        out.push(r.text + '（' + how + (e < 0 ? '扣 ' : '加 ') + plain(o.effect.replace('-', '')) + ' 分）');
      }
    });
    return out.join('；');
  }
  function ruleOf(k, id) {
    return k.rules.filter(function (r) {
      return r.id === id;
    })[0];
  }

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
      delete state.criteria[id].inputs[rule];
    } else {
      state.criteria[id].inputs[rule] = v;
    }
    changed();
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
          delete state.targets[key];
        } else {
          state.targets[key] = t;
        }
        changed();
      } });
      box.appendChild(el('span', { cls: 'sc-ctl' }, [el('label', { 'for': tf.id }, ['本所目标 ', tf])]));
      var syncInput = sync;
      sync = function (v) {
        tf.value = own(state.targets, key) != null ? String(state.targets[key]) : '';
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
      var e = state.criteria[id];
      var cs = findScore(id);
      if (u.mode.value === 'score' && e.mode !== 'score' && cs && cs.status !== 'not-applicable') {
        e.score = Number(cs.score);
      }
      e.mode = u.mode.value;
      syncCriterion(id);
      changed();
    } }, [k.rules.length ? el('option', { value: 'rules', text: '按细则逐条计分' }) : null,
      el('option', { value: 'score', text: '直接打分' }), el('option', { value: 'na', text: '不适用' })]);
    u.rulesBox = el('div', { cls: 'sc-rules' }, k.rules.map(function (r, i) {
      u.rules[r.id] = buildRule(id, k, r, i);
      return u.rules[r.id].box;
    }));
    var hi = k.kind === 'score' ? k.rules.reduce(function (a, r) {
      return r.kind === 'overTarget' ? a + Number(r.bonusCap) : a;
    }, Number(k.c.points || 0)) : k.c.points != null ? Number(k.c.points) : null;
    u.direct = numField('sc-d' + k.n, { min: 0, max: hi, step: STEP, oninput: function () {
      var v = numberOf(u.direct);
      state.criteria[id].score = v === undefined ? null : k.kind === 'penalty' ? -v : v;
      changed();
    } });
    u.directBox = el('div', { cls: 'sc-direct' }, [el('label', { 'for': 'sc-d' + k.n, text: { penalty: '扣分 ', bonus: '加分 ' }[k.kind] || '得分 ' }),
      u.direct, el('span', { cls: 'sc-hint', text: ' 0' + (hi !== null ? '–' + fmt(hi) : ' 起') + ' 分，最小单位 ' + STEP + ' 分' })]);
    u.note = el('p', { cls: 'sc-note', hidden: true });
    u.error = el('p', { cls: 'sc-error', hidden: true });
    tr.querySelector('.cs').appendChild(el('div', { cls: 'sc-controls' }, [
      el('div', { cls: 'sc-mode' }, [el('label', { 'for': mid, text: '计分方式 ' }), u.mode]), u.rulesBox, u.directBox, u.note, u.error]));
    u.score = el('span', { cls: 'sc-score' });
    u.lost = el('span', { cls: 'sc-lost' });
    tr.querySelector('.cg').appendChild(u.score);
    tr.querySelector('.cg').appendChild(u.lost);
    u.reason = el('textarea', { rows: 2, cls: 'sc-reason', 'aria-label': '扣分原因（' + k.c.number + '）', oninput: function () {
      state.criteria[id].reason = u.reason.value;
      state.criteria[id].auto = false;
      changed();
    } });
    u.rewrite = el('button', { type: 'button', cls: 'sc-link', hidden: true, text: '按规则重写',
      'aria-label': '按规则重写扣分原因（' + k.c.number + '）', onclick: function () {
        state.criteria[id].auto = true;
        changed();
      } });
    u.reasonPrint = el('span', { cls: 'sc-print' });
    [u.reason, u.rewrite, u.reasonPrint].forEach(function (n) {
      tr.querySelector('.cr').appendChild(n);
    });
    ui[id] = u;
  }

  function syncCriterion(id) {
    var u = ui[id];
    var e = state.criteria[id];
    u.mode.value = e.mode;
    show(u.rulesBox, e.mode === 'rules');
    show(u.directBox, e.mode === 'score');
    Object.keys(u.rules).forEach(function (r) {
      u.rules[r].sync(own(e.inputs, r));
    });
    var v = validScore(e.score) ? String(crits[id].kind === 'penalty' ? -e.score : e.score) : '';
    if (u.direct.value !== v && !(v !== '' && Number(u.direct.value) === Number(v))) {
      u.direct.value = v;
    }
    if (u.reason.value !== e.reason) {
      u.reason.value = e.reason;
    }
  }

  function findScore(id) {
    var found = null;
    (last ? last.b.sections : []).forEach(function (s) {
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
      state.unit = P.unit.value;
      if (state.station && state.unit !== state.stationUnit) {
        state.station = '';
      }
      changed();
    } });
    P.date = el('input', { type: 'date', id: 'sc-date', oninput: function () {
      state.date = P.date.value;
      changed();
    } });
    var fields = el('div', { cls: 'sc-fields' }, [field('sc-unit', '单位', P.unit), field('sc-date', '日期', P.date)]);
    attrNames.forEach(function (name, i) {
      var vals = attrDefs[name].values;
      var sel = el('select', { id: 'sc-a' + i, onchange: function () {
        if (sel.value) {
          state.attributes[name] = sel.value;
        } else {
          delete state.attributes[name];
        }
        attributesChanged();
        changed();
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
    P.file = el('input', { type: 'file', id: 'sc-import', accept: '.json,application/json', onchange: function () {
      var f = P.file.files && P.file.files[0];
      var reader = new FileReader();
      if (!f) {
        return;
      }
      reader.onload = function () {
        importText(String(reader.result), f.name);
        P.file.value = '';
      };
      reader.onerror = function () {
        notice('读取文件失败：' + f.name, [], true);
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
      el('button', { type: 'button', id: 'sc-export', text: '导出 JSON 文件', onclick: download }),
      el('span', null, [el('label', { 'for': 'sc-import', text: '导入 JSON 文件：' }), P.file]),
      el('button', { type: 'button', text: '打印评分表', onclick: function () {
        window.print();
      } }),
      el('button', { type: 'button', text: '清空重填', onclick: function () {
        if (window.confirm('清空本页的全部填写？（已导出的文件不受影响）')) {
          use(emptyState());
          notice('已清空。', [], false);
        }
      } }), P.saved]));
    panel.appendChild(P.notice);
    panel.hidden = false;

    all('li[data-veto]', function (li, i) {
      var vid = li.getAttribute('data-veto');
      var cb = el('input', { type: 'checkbox', id: 'sc-v' + i, onchange: function () {
        state.vetoes = state.vetoes.filter(function (x) {
          return x !== vid;
        }).concat(cb.checked ? [vid] : []);
        changed();
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
          state.signatures[role] = P.sign[role].value;
          changed();
        } }));
    });
    all('[data-sc-field]', function (n) {
      P.fill[n.getAttribute('data-sc-field')] = n;
    });
  }

  /** Puts a whole state into the page and rescores. */
  function use(st) {
    state = st;
    P.unit.value = st.unit;
    P.date.value = st.date;
    attrNames.forEach(function (n) {
      P.attrs[n].value = st.attributes[n] || '';
    });
    Object.keys(P.vetoes).forEach(function (v) {
      P.vetoes[v].cb.checked = st.vetoes.indexOf(v) >= 0;
    });
    ROLES.forEach(function (r) {
      P.sign[r].value = st.signatures[r] || '';
    });
    order.forEach(syncCriterion);
    attributesChanged();
    changed();
  }

  /** Rule hints depend on the station's attributes (targets by 所别). */
  function attributesChanged() {
    order.forEach(function (id) {
      crits[id].rules.forEach(function (r) {
        setText(ui[id].rules[r.id].hint, hint(r, state.attributes));
      });
    });
  }

  // ---------------------------------------------------------------- rescore and show
  function changed() {
    var t0 = performance.now();
    last = scoreState(state);
    render(last);
    save();
    timings.push(performance.now() - t0);
    if (timings.length > 500) {
      timings.shift();
    }
  }

  function vetoWords(b) {
    return b.vetoes.map(function (v) {
      return (vetoDefs[v.id] || { text: v.id }).text + '（' + (v.effect === 'void' ? '成绩作废' : '不得评优')
        + (v.source === 'sheet' ? '' : '，由评分项 ' + crits[v.source.split('/')[0]].c.number + ' 触发') + '）';
    }).join('；');
  }

  function render(result) {
    var b = result.b;
    b.sections.forEach(function (s) {
      setText(subtotals[s.id], s.kind === 'score' ? plain(s.score) : signed(s.score));
      s.criteria.forEach(function (cs) {
        renderCriterion(cs, result.errors[cs.id]);
      });
    });
    var bits = [];
    if (b.sections.some(function (s) {
      return s.kind !== 'score';
    })) {
      bits.push('基本分 ' + plain(b.base), '加分 ' + plain(b.bonus), '扣分 ' + plain(b.penalty.replace('-', '')));
    }
    (rubric.sheets || []).forEach(function (sh, i) {
      bits.push(sh.title + ' ' + plain(b.sheets[i].score) + '/' + plain(b.sheets[i].maximum));
    });
    var lost = Number(b.maximum) - Number(b.base);
    if (lost > 0) {
      bits.push('各项失分合计 ' + fmt(lost) + ' 分（整改后最多可挽回）');
    }
    setText(P.total, plain(b.total));
    setText(P.max, ' / 满分 ' + plain(b.maximum));
    setText(P.sub, bits.join(' · '));
    var vw = vetoWords(b);
    setText(P.veto, vw ? '一票否决：' + vw : '');
    show(P.veto, !!vw);
    Object.keys(P.vetoes).forEach(function (vid) {
      var on = b.vetoes.filter(function (v) {
        return v.id === vid;
      })[0];
      flag(P.vetoes[vid].li, 'sc-on', on);
      setText(P.vetoes[vid].box, on ? '☑' : '□');
      setText(P.vetoes[vid].source, on && on.source !== 'sheet' ? '（由评分项 ' + crits[on.source.split('/')[0]].c.number + ' 触发）' : '');
    });
    var nErr = Object.keys(result.errors).length;
    setText(P.errors, nErr ? nErr + ' 项填写有误，暂按未扣分计，见标红的评分项。' : '');
    show(P.errors, nErr > 0);
    setText(document.getElementById('sc-total-cell'), plain(b.total));
    setText(document.getElementById('sc-total-note'), vw ? '一票否决：' + vw : '');
    setText(P.fill.unit, state.unit);
    setText(P.fill.date, state.date);
    setText(P.fill.attributes, attrNames.filter(function (n) {
      return state.attributes[n];
    }).map(function (n) {
      return attrTitle(n) + '：' + attrLabel(n, state.attributes[n]);
    }).join('　'));
    ROLES.forEach(function (r) {
      setText(P.fill[r], r === 'members' ? names(state.signatures.members).join('、') : state.signatures[r] || '');
    });
  }

  function renderCriterion(cs, error) {
    var u = ui[cs.id];
    var k = crits[cs.id];
    var e = state.criteria[cs.id];
    var na = cs.status === 'not-applicable';
    var lost = k.kind === 'score' && !na ? Number(cs.maximum) - Number(cs.score) : 0;
    setText(u.score, na ? '不适用' : k.kind === 'score' ? plain(cs.score) : signed(cs.score));
    setText(u.lost, cs.status === 'superseded' ? '同组只计最高一项' : lost > 0 ? '失 ' + fmt(lost) + ' 分' : '');
    flag(u.row, 'sc-lost-row', lost > 0);
    flag(u.row, 'sc-na', na);
    cs.rules.forEach(function (o) {
      var t = o.zeroes ? '本项不得分' : Number(o.effect) !== 0 ? signed(o.effect) : '';
      setText(u.rules[o.ruleId].effect, t);
      flag(u.rules[o.ruleId].box, 'sc-fired', t);
    });
    if (!cs.rules.length) {
      Object.keys(u.rules).forEach(function (r) {
        setText(u.rules[r].effect, '');
        flag(u.rules[r].box, 'sc-fired', false);
      });
    }
    var parts = cs.parts.map(function (p) {
      var part = (k.c.parts || []).filter(function (q) {
        return q.id === p.partId;
      })[0];
      return '分项“' + (part ? part.title : p.partId) + '”共 ' + plain(p.budget) + ' 分，扣完为止：多扣的 ' + plain(p.returned) + ' 分不计';
    });
    var a = k.c.appliesTo;
    if (a && !applies(k, state.attributes)) {
      parts.unshift(attrTitle(a.attribute) + '为“' + attrLabel(a.attribute, state.attributes[a.attribute]) + '”，本项不适用');
    }
    setText(u.note, parts.join('；'));
    show(u.note, parts.length > 0);
    setText(u.error, error ? '填写有误（暂按未扣分计）：' + error : '');
    show(u.error, !!error);
    flag(u.row, 'sc-bad', error);
    if (e.auto) {
      e.reason = e.mode === 'rules' && !na ? autoReason(k, cs, e.inputs) : '';
      if (u.reason.value !== e.reason) {
        u.reason.value = e.reason;
      }
    }
    show(u.rewrite, !e.auto && e.mode === 'rules');
    setText(u.reasonPrint, e.reason);
  }

  // ---------------------------------------------------------------- saving, import, export
  function save() {
    var keep = {};
    order.forEach(function (id) {
      var e = state.criteria[id];
      if (e.mode !== 'rules' && Object.keys(e.inputs).length) {
        keep[id] = e.inputs;
      }
    });
    try {
      window.localStorage.setItem(STORE, JSON.stringify({ v: 1, sheet: sheetOf(state, true), stationUnit: state.stationUnit,
        auto: order.filter(function (id) {
          return state.criteria[id].auto;
        }), keep: keep }));
      setText(P.saved, '已自动保存在本机 ' + new Date().toTimeString().slice(0, 8));
    } catch (x) {
      setText(P.saved, '无法在本机保存进度，请用“导出 JSON 文件”保存。');
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
    use(got.st);
    if (head || got.report.warnings.length || got.report.skipped.length) {
      showReport(head || '已恢复在本机保存的填写。', got.report);
    }
  }

  function exportJson() {
    return JSON.stringify(sheetOf(state, true), null, 2) + '\n';
  }

  function download() {
    var url = URL.createObjectURL(new Blob([exportJson()], { type: 'application/json' }));
    var a = el('a', { href: url, download: 'selfcheck-' + rubric.id + (state.station ? '-' + state.station : '')
      + (state.date ? '-' + state.date : '') + '.json', hidden: true });
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
      throw new Error('这不是评分表文件：没有 criteria（逐项得分）。');
    }
    var report = { imported: 0, skipped: [], warnings: [] };
    var skip = function (t) {
      report.skipped.push(t);
    };
    if (sheet.rubric !== rubric.id) {
      report.warnings.push('这份评分表是按另一份细则“' + sheet.rubric + '”填写的，本页是“' + rubric.id + '”（' + rubric.title
        + '）。只导入编号相同、格式相符的评分项，内容未必相同，请逐项核对。');
    } else if (sheet.fingerprint != null && sheet.fingerprint !== FP) {
      report.warnings.push('这份评分表是按本细则的另一个版本填写的（文件中的版本 ' + sheet.fingerprint + '，本页 ' + FP
        + '）。只导入与本版本相符的评分项，请核对细则有变化的评分项。');
    } else if (sheet.fingerprint == null && from === 'file') {
      report.warnings.push('文件没有注明细则版本（fingerprint），无法确认是按本版本填写的。');
    }
    var st = emptyState();
    ['station', 'unit'].forEach(function (f) {
      st[f] = typeof sheet[f] === 'string' ? sheet[f] : '';
    });
    st.stationUnit = st.unit;
    st.date = /^\d{4}-\d\d-\d\d$/.test(sheet.date) ? sheet.date : '';
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
      var r = k && ids.length === 2 ? ruleOf(k, ids[1]) : null;
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
      try {
        K.score(rubric, { attributes: attrs, criteria: one, targets: st.targets });
      } catch (x) {
        skip(where + (x.detail || x.message));
        return;
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
      notice('无法导入' + what + '：' + (x instanceof SyntaxError ? '不是有效的 JSON 文件。' : x.message), [], true);
      return { imported: 0, skipped: [], warnings: [x.message] };
    }
  }

  function showReport(head, report, extra) {
    var lines = report.warnings.slice();
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

  /** #sheet=… opens the form with that sheet; what was saved before is kept aside. */
  function fromAddress() {
    var m = /^#sheet=([\w-]+)$/.exec(window.location.hash);
    if (!m) {
      return false;
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
    return true;
  }

  // ---------------------------------------------------------------- start
  state = emptyState();
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
  }
  window.KaopingSelfCheck = Object.freeze({
    sheet: function () {
      return sheetOf(state, true);
    },
    exportJson: exportJson,
    importText: importText,
    breakdown: function () {
      return last && last.b;
    },
    timings: timings
  });
}());
