/*
 * selfcheck-words.js: what the form says about rules, reasons and vetoes, in Chinese.
 * One of the self-check form's scripts, loaded in order by selfcheck/<rubric>.html (selfcheck-base.js,
 * -words, -controls, -show, -store); they share window.KaopingForm, which the last one removes.
 */
(function (F) {
  'use strict';
  if (!F) {
    return;
  }
  var STEP = F.STEP, attrLabel = F.attrLabel, attrTitle = F.attrTitle, crits = F.crits, own = F.own, plain = F.plain,
      vetoDefs = F.vetoDefs;
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

  function vetoWords(b) {
    return b.vetoes.map(function (v) {
      return (vetoDefs[v.id] || { text: v.id }).text + '（' + (v.effect === 'void' ? '成绩作废' : '不得评优')
        + (v.source === 'sheet' ? '' : '，由评分项 ' + crits[v.source.split('/')[0]].c.number + ' 触发') + '）';
    }).join('；');
  }

  F.autoReason = autoReason; F.hint = hint; F.ruleOf = ruleOf; F.vetoWords = vetoWords;
}(window.KaopingForm));
