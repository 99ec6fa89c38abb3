/*
 * selfcheck-show.js: rescoring on every change and showing the breakdown on the page.
 * One of the self-check form's scripts, loaded in order by selfcheck/<rubric>.html (selfcheck-base.js,
 * -words, -controls, -show, -store); they share window.KaopingForm, which the last one removes.
 */
(function (F) {
  'use strict';
  if (!F) {
    return;
  }
  var P = F.P, ROLES = F.ROLES, applies = F.applies, attrLabel = F.attrLabel, attrNames = F.attrNames,
      attrTitle = F.attrTitle, autoReason = F.autoReason, crits = F.crits, flag = F.flag, fmt = F.fmt, hint = F.hint,
      names = F.names, order = F.order, plain = F.plain, rubric = F.rubric, scaled = F.scaled, scoreState = F.scoreState,
      setText = F.setText, show = F.show, signed = F.signed, subtotals = F.subtotals,
      syncCriterion = F.syncCriterion, timings = F.timings, ui = F.ui, vetoWords = F.vetoWords;
  /** Puts a whole state into the page and rescores. */
  function use(st) {
    F.state = st;
    P.unit.value = st.unit;
    if (!st.dateText) {
      st.dateText = st.date;
    }
    P.date.value = st.dateText;
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
        setText(ui[id].rules[r.id].hint, hint(r, F.state.attributes));
      });
    });
  }

  // ---------------------------------------------------------------- rescore and show
  function changed() {
    var t0 = performance.now();
    F.last = scoreState(F.state);
    render(F.last);
    F.save();
    timings.push(performance.now() - t0);
    if (timings.length > 500) {
      timings.shift();
    }
  }

  function render(result) {
    var b = result.b;
    var nErr = Object.keys(result.errors).length;
    b.sections.forEach(function (s) {
      var bad = s.criteria.some(function (cs) {
        return result.errors[cs.id];
      });
      setText(subtotals[s.id], bad ? '—' : s.kind === 'score' ? scaled(s.score) : signed(s.score));
      s.criteria.forEach(function (cs) {
        renderCriterion(cs, result.errors[cs.id], result.fields[cs.id]);
      });
    });
    var bits = [];
    if (b.sections.some(function (s) {
      return s.kind !== 'score';
    })) {
      bits.push('基本分 ' + plain(b.base), '加分 ' + plain(b.bonus), '扣分 ' + plain(b.penalty.replace('-', '')));
    }
    (rubric.sheets || []).forEach(function (sh, i) {
      bits.push(sh.title + ' ' + scaled(b.sheets[i].score) + '/' + scaled(b.sheets[i].maximum));
    });
    var lost = Number(b.maximum) - Number(b.base);
    if (lost > 0) {
      bits.push('各项失分合计 ' + fmt(lost) + ' 分（整改后最多可挽回）');
    }
    // While a field is wrong the total is not known: say so instead of showing a higher score.
    var incomplete = '尚有 ' + nErr + ' 项输入有误';
    setText(P.total, nErr ? incomplete : scaled(b.total));
    flag(P.total, 'sc-incomplete', nErr > 0);
    setText(P.max, nErr ? '' : ' / 满分 ' + plain(b.maximum) + (rubric.partial ? '（现存评分项合计；细则满分 '
      + plain(rubric.total) + ' 分，其余原件缺失）' : ''));
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
    setText(P.errors, nErr ? nErr + ' 项填写有误，见标红的评分项；改正后显示总分。' : '');
    show(P.errors, nErr > 0);
    setText(document.getElementById('sc-total-cell'), nErr ? '—' : scaled(b.total));
    setText(document.getElementById('sc-total-note'), vw ? '一票否决：' + vw : '');
    setText(P.fill.unit, F.state.unit);
    // A wrong date is kept as typed and marked; the printed sheet writes a right one the Chinese way.
    var badDate = !F.state.date && F.state.dateText.trim() !== '';
    setText(P.fill.date, F.state.date ? F.chineseDate(F.state.date) : F.state.dateText);
    setText(P.dateHint, badDate ? '没有这个日期：请按“年-月-日”填写，如 2026-12-01' : '按“年-月-日”填写，如 2026-12-01 或 2026年12月1日');
    flag(P.dateHint, 'sc-error', badDate);
    if (badDate) {
      P.date.setAttribute('aria-invalid', 'true');
    } else {
      P.date.removeAttribute('aria-invalid');
    }
    setText(P.printUnit, F.state.unit ? '　单位：' + F.state.unit : '');
    setText(P.fill.attributes, attrNames.filter(function (n) {
      return F.state.attributes[n];
    }).map(function (n) {
      return attrTitle(n) + '：' + attrLabel(n, F.state.attributes[n]);
    }).join('　'));
    ROLES.forEach(function (r) {
      setText(P.fill[r], r === 'members' ? names(F.state.signatures.members).join('、') : F.state.signatures[r] || '');
    });
  }

  function renderCriterion(cs, error, field) {
    var u = ui[cs.id];
    var k = crits[cs.id];
    var e = F.state.criteria[cs.id];
    var na = cs.status === 'not-applicable';
    var lost = k.kind === 'score' && !na ? Number(cs.maximum) - Number(cs.score) : 0;
    if (error) {
      lost = 0;
    }
    setText(u.score, error ? '有误' : na ? '不适用' : k.kind === 'score' ? plain(cs.score) : signed(cs.score));
    setText(u.lost, error ? '' : cs.status === 'superseded' ? '同组只计最高一项' : lost > 0 ? '失 ' + fmt(lost) + ' 分' : '');
    flag(u.row, 'sc-lost-row', lost > 0);
    // The field the engine named is marked; every value stays as typed.
    Object.keys(u.rules).forEach(function (r) {
      var on = !!(error && field && field.rule === r);
      Array.prototype.forEach.call(u.rules[r].box.querySelectorAll('input, select'), function (n) {
        if (on) {
          n.setAttribute('aria-invalid', 'true');
        } else {
          n.removeAttribute('aria-invalid');
        }
      });
    });
    if (error && field && field.direct) {
      u.direct.setAttribute('aria-invalid', 'true');
    } else {
      u.direct.removeAttribute('aria-invalid');
    }
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
    if (a && !applies(k, F.state.attributes)) {
      parts.unshift(attrTitle(a.attribute) + '为“' + attrLabel(a.attribute, F.state.attributes[a.attribute]) + '”，本项不适用');
    }
    setText(u.note, parts.join('；'));
    show(u.note, parts.length > 0);
    setText(u.error, error ? '填写有误：' + error : '');
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

  F.attributesChanged = attributesChanged; F.changed = changed; F.use = use;
}(window.KaopingForm));
