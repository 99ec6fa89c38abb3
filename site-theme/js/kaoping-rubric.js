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
        target(r, out, w);
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
      case 'excessRatio':
        target(r, out, w);
        out.per = need(r.per, w + '.per');
        out.cap = need(r.cap, w + '.cap');
        break;
      case 'earnPerCount':
        out.per = need(r.per, w + '.per');
        out.cap = opt(r.cap, w + '.cap');
        break;
      case 'discretionaryEach':
        out.min = need(r.min, w + '.min');
        out.max = need(r.max, w + '.max');
        out.cap = opt(r.cap, w + '.cap');
        break;
      case 'discretionaryIf':
        out.atLeast = opt(r.atLeast, w + '.atLeast');
        out.atMost = opt(r.atMost, w + '.atMost');
        out.min = need(r.min, w + '.min');
        out.max = need(r.max, w + '.max');
        break;
      case 'direct':
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

  /** Rule.Targeted: one target, one per attribute value, or one per station (the sheet's targets). */
  function target(r, out, w) {
    out.target = opt(r.target, w + '.target');
    out.attribute = r.attribute == null ? null : r.attribute;
    out.targets = {};
    out.targetKeys = r.targets == null ? [] : Object.keys(r.targets);
    out.targetKeys.forEach(function (k) {
      out.targets[k] = need(r.targets[k], w + '.targets.' + k);
    });
    out.perStation = r.targetPerStation === true;
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

  /** Criterion.ceiling(): points plus what over-target and excess-ratio rules may add beyond them. */
  function ceiling(c) {
    var base = c.points == null ? ZERO : c.points;
    c.rules.forEach(function (r) {
      if (r.kind === 'overTarget') {
        base = add(base, r.bonusCap);
      } else if (r.kind === 'excessRatio') {
        base = add(base, r.cap);
      }
    });
    return base;
  }

  /** Maxima.ofBonusCriterion: points, else what the rules can award together, within the section's cap; null if unlimited. */
  function bonusMaximum(section, c) {
    var m = c.points;
    if (m == null) {
      m = ZERO;
      for (var i = 0; i < c.rules.length && m !== null; i++) {
        var award = mostAwarded(c.rules[i]);
        m = award == null ? null : add(m, award);
      }
    }
    if (section.cap != null) {
      m = m == null ? section.cap : K.min(m, section.cap);
    }
    return m;
  }

  /** The most one rule can add to a bonus criterion: 0 for deductions, null when unlimited. */
  function mostAwarded(r) {
    switch (r.kind) {
      case 'awardPerCount':
      case 'symmetric':
      case 'excessRatio':
        return r.cap;
      case 'overTarget':
        return r.bonusCap;
      case 'levels':
        return r.levels.reduce(function (a, l) {
          return K.max(a, l.points);
        }, ZERO);
      default:
        return ZERO;
    }
  }
  Object.assign(K, {
    compile: compile,
    partOf: partOf,
    ceiling: ceiling,
    bonusMaximum: bonusMaximum
  });
}(typeof window !== 'undefined' ? window : this));
