/*
 * kaoping-rubric.js — a rubric as parsed JSON compiled for scoring: every decimal parsed once,
 * rules checked for a known kind (org.kaoping.model.Rubric and its records). A defect of the
 * rubric itself throws a plain Error "rubric: …" (`kaoping check` reports those before a build).
 * Loads after kaoping-sheet.js.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var B1 = K.B1,
    dec = K.dec,
    ZERO = K.ZERO,
    fromJson = K.fromJson,
    add = K.add,
    hasOwn = K.hasOwn;

  function need(v, what) {
    var d = fromJson(v);
    if (d === null) {
      throw new Error('rubric: ' + what + ' is not a number: ' + String(v));
    }
    return d;
  }

  function opt(v, what) {
    return v == null ? null : need(v, what);
  }

  var ROUNDING = ['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP', 'FLOOR', 'CEILING'];

  function compileRule(r, where) {
    var w = where + '/' + r.id;
    var out = { kind: r.kind, id: r.id, part: r.part == null ? null : r.part, veto: r.veto == null ? null : r.veto };
    switch (r.kind) {
      case 'perCount':
      case 'awardPerCount':
        out.per = need(r.per, w + '.per');
        out.cap = opt(r.cap, w + '.cap');
        break;
      case 'zeroing':
        break;
      case 'discretionary':
        out.min = need(r.min, w + '.min');
        out.max = need(r.max, w + '.max');
        break;
      case 'completionRatio':
        out.target = opt(r.target, w + '.target');
        out.attribute = r.attribute == null ? null : r.attribute;
        out.targets = {};
        out.targetKeys = r.targets == null ? [] : Object.keys(r.targets);
        out.targetKeys.forEach(function (k) {
          out.targets[k] = need(r.targets[k], w + '.targets.' + k);
        });
        out.budget = opt(r.budget, w + '.budget');
        out.zeroBelow = opt(r.zeroBelow, w + '.zeroBelow');
        break;
      case 'threshold':
        out.atLeast = opt(r.atLeast, w + '.atLeast');
        out.atMost = opt(r.atMost, w + '.atMost');
        out.deduct = opt(r.deduct, w + '.deduct');
        out.zero = r.zero === true;
        break;
      case 'levels':
        out.levels = r.levels.map(function (l) {
          return { code: l.code, label: l.label, points: need(l.points, w + '.levels.' + l.code) };
        });
        break;
      case 'symmetric':
        out.target = r.target;
        out.per = need(r.per, w + '.per');
        out.cap = opt(r.cap, w + '.cap');
        break;
      case 'overTarget':
        out.target = r.target;
        out.per = need(r.per, w + '.per');
        out.bonusCap = need(r.bonusCap, w + '.bonusCap');
        out.cap = opt(r.cap, w + '.cap');
        break;
      case 'escalating':
        out.steps = r.steps.map(function (x, i) {
          return need(x, w + '.steps[' + i + ']');
        });
        out.cap = opt(r.cap, w + '.cap');
        break;
      default:
        throw new Error('rubric: unknown rule kind "' + r.kind + '" at ' + w);
    }
    return out;
  }

  function compile(rubric) {
    if (ROUNDING.indexOf(rubric.rounding) < 0) {
      throw new Error('rubric: unknown rounding "' + rubric.rounding + '"');
    }
    var scale = rubric.scale;
    var R = {
      id: rubric.id,
      scale: scale,
      rounding: rubric.rounding,
      step: rubric.step != null ? need(rubric.step, 'step') : dec(B1, scale),
      attributes: rubric.attributes == null ? {} : rubric.attributes,
      sheets: (rubric.sheets || []).map(function (s) {
        return s.id;
      }),
      vetoes: {},
      criteria: {},
      sections: []
    };
    (rubric.vetoes || []).forEach(function (v) {
      if (!hasOwn.call(R.vetoes, v.id)) {
        R.vetoes[v.id] = v;
      }
    });
    rubric.sections.forEach(function (s) {
      var section = {
        id: s.id,
        kind: s.kind == null ? 'score' : s.kind,
        cap: opt(s.cap, s.id + '.cap'),
        sheet: s.sheet == null ? null : s.sheet,
        groups: (s.groups || []).map(function (g) {
          return g.criteria;
        }),
        criteria: []
      };
      s.criteria.forEach(function (c) {
        var crit = {
          id: c.id,
          number: c.number,
          points: opt(c.points, c.id + '.points'),
          appliesTo: c.appliesTo == null ? null : c.appliesTo,
          parts: (c.parts || []).map(function (p) {
            return { id: p.id, budget: need(p.budget, c.id + '.' + p.id + '.budget') };
          }),
          rules: (c.rules || []).map(function (r) {
            return compileRule(r, c.id);
          })
        };
        crit.ruleIds = crit.rules.map(function (r) {
          return r.id;
        });
        section.criteria.push(crit);
        if (!hasOwn.call(R.criteria, c.id)) {
          R.criteria[c.id] = crit;
        }
      });
      R.sections.push(section);
    });
    return R;
  }

  function partOf(c, partId) {
    for (var i = 0; i < c.parts.length; i++) {
      if (c.parts[i].id === partId) {
        return c.parts[i];
      }
    }
    throw new Error('rubric: criterion ' + c.id + ' has no part "' + partId + '"');
  }

  /** Criterion.ceiling(): points plus what over-target rules may add beyond them. */
  function ceiling(c) {
    var base = c.points == null ? ZERO : c.points;
    c.rules.forEach(function (r) {
      if (r.kind === 'overTarget') {
        base = add(base, r.bonusCap);
      }
    });
    return base;
  }
  Object.assign(K, {
    compile: compile,
    partOf: partOf,
    ceiling: ceiling
  });
}(typeof window !== 'undefined' ? window : this));
