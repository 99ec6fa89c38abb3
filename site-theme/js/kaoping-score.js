/*
 * kaoping-score.js — scores one sheet against its rubric in the browser, exactly as the Java
 * engine does (generator/src/main/java/org/kaoping/score/SheetScorer.java and RuleEffects.java,
 * which are the reference; rubrics/README.md is the contract), and defines the public API, window.Kaoping.
 * The engine is seven plain ES2017 scripts, no modules, no dependencies, loaded by <script src> in this
 * order (works from a local folder, with no server); they share internals through window.KaopingEngine:
 *   kaoping-decimal.js   exact decimals (BigInt), as BigDecimal   kaoping-messages.js  error codes → Chinese words
 *   kaoping-input.js     ScoreError, paths, RuleInput              kaoping-sheet.js     the sheet's shape (schema)
 *   kaoping-rubric.js    the rubric compiled for scoring           kaoping-rules.js     RuleEffects, one function per kind
 *   kaoping-score.js     SheetScorer, the breakdown as JSON, Kaoping
 * Needs BigInt at run time (every current browser); the source itself uses no BigInt literals.
 *
 *   Kaoping.score(rubric, sheet) → breakdown        Kaoping.version → "1.0.0"
 *
 *   rubric  a rubric as parsed JSON (rubrics/<id>.json). Treated as read-only: it is compiled once
 *           per object (a WeakMap), so a changed rubric must be a new object.
 *   sheet   a sheet as parsed JSON (README "Sheet format"): criteria → { score } | { inputs } |
 *           { notApplicable: true }, optional attributes (the station's: size, partyMembers…)
 *           and vetoes. Give the station's attributes in sheet.attributes, as the Java engine
 *           receives them (Sheet.withAttributes), and its per-station targets in sheet.targets
 *           ("criterion/rule" → number, Sheet.withTargets).
 *   returns the breakdown as plain JSON, the shape of org.kaoping.score.BreakdownJson:
 *     { rubric, station,
 *       sections: [ { id, kind: "score"|"bonus"|"penalty", score, maximum,
 *                     criteria: [ { id, number,
 *                                   status: "given"|"from-inputs"|"not-recorded"|"not-applicable"|"superseded",
 *                                   score, maximum,
 *                                   rules: [ { ruleId, effect, zeroes, fired, detail } ],
 *                                   parts: [ { partId, deducted, budget, returned } ],
 *                                   reason } ] } ],
 *       sheets: [ { id, score, maximum } ],           category-sheet subtotals (floored at 0)
 *       base, bonus, penalty, total, maximum,         total = max(0, base + bonus + penalty)
 *       vetoes: [ { id, effect: "void"|"no-honours", source: "sheet" | "<criterion>/<rule>" } ] }
 *     A bonus criterion's or section's maximum is null when nothing limits it (考核加分不封顶).
 *     Every decimal is a string at the rubric's scale ("97.50"), or longer only when the exact
 *     value needs more places (a rule effect of a rubric whose numbers exceed its scale).
 *   throws  Kaoping.ScoreError (an Error) when the sheet cannot be scored — a malformed sheet (what
 *           sheet.schema.json refuses, kaoping-sheet.js) or values the rubric refuses (ScoreException):
 *             error.path    the JSON path of the offending value, '$.criteria["1.1"].inputs.x'
 *             error.code    what is wrong, stable and as the Java engine's: 'notWholeNumber', …
 *             error.params  its data, e.g. { value: 1.5 }
 *             error.message the Chinese sentence for code and params (kaoping-messages.js); error.detail too.
 *           Nothing else is thrown for a sheet. A defect of the rubric itself (an undeclared part,
 *           veto or sheet, which `kaoping check` reports) throws a plain Error "rubric: …".
 *
 *   Kaoping.exact.divide(a, b, scale, mode), Kaoping.exact.setScale(a, scale, mode): the decimal
 *   arithmetic on decimal strings, as BigDecimal does it (used by the parity tests).
 *
 * Arithmetic is exact (kaoping-decimal.js): no score ever passes through binary floating point.
 * Division (completionRatio) and bringing values to the rubric's scale round exactly as
 * java.math.BigDecimal with the rubric's RoundingMode.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine;
  var B0 = K.B0,
    dec = K.dec,
    ZERO = K.ZERO,
    parseDecimal = K.parseDecimal,
    add = K.add,
    sub = K.sub,
    neg = K.neg,
    cmp = K.cmp,
    sign = K.sign,
    min = K.min,
    max = K.max,
    setScale = K.setScale,
    divide = K.divide,
    isMultipleOf = K.isMultipleOf,
    format = K.format,
    plain = K.plain,
    fromJson = K.fromJson,
    ScoreError = K.ScoreError,
    critPath = K.critPath,
    hasOwn = K.hasOwn,
    own = K.own,
    isEmptyObject = K.isEmptyObject,
    numberText = K.numberText,
    MAX_AMOUNT = K.MAX_AMOUNT,
    RuleInput = K.RuleInput,
    compile = K.compile,
    ceiling = K.ceiling,
    RuleEffects = K.RuleEffects,
    countedInBonus = K.countedInBonus,
    bonusMaximum = K.bonusMaximum,
    checkSheet = K.checkSheet;

  var VERSION = '1.0.0';
  // ---------------------------------------------------------------- SheetScorer
  function atScale(R, v) {
    return v === null ? null : setScale(v, R.scale, R.rounding);
  }

  function clamp(v, lo, hi) {
    return min(max(v, lo), hi);
  }

  function applies(appliesTo, attributes) {
    var value = own(attributes, appliesTo.attribute);
    return value == null || appliesTo.values.indexOf(value) >= 0;
  }

  function vetoEntry(R, id) {
    return hasOwn.call(R.vetoes, id) ? R.vetoes[id] : null;
  }

  function criterionScore(c, status, score, maximum, rules, parts, reason) {
    return { id: c.id, number: c.number, status: status, score: score, maximum: maximum, rules: rules,
      parts: parts, reason: reason };
  }

  function scoreCriterion(R, section, c, sheetCriteria, attributes, effects, vetoes) {
    var entry = own(sheetCriteria, c.id);
    var present = entry != null;
    var reason = present && entry.reason != null ? entry.reason : null;
    var applicable = c.appliesTo == null || applies(c.appliesTo, attributes);
    if (!applicable || (present && entry.notApplicable === true)) {
      if (present && (entry.score != null || !isEmptyObject(entry.inputs))) {
        throw new ScoreError(critPath(c.id), 'notApplicableButScored', { number: c.number });
      }
      return criterionScore(c, 'not-applicable', ZERO, ZERO, [], [], reason);
    }
    var points = c.points == null ? ZERO : c.points;
    var shownMax = section.kind === 'score' ? points : section.kind === 'bonus' ? bonusMaximum(section, c) : ZERO;
    if (present && entry.score != null) {
      if (!isEmptyObject(entry.inputs)) {
        throw new ScoreError(critPath(c.id), 'scoreAndInputs', { number: c.number });
      }
      // a number (checkSheet); ±Infinity is what JSON.parse makes of 1e400, out of every range
      var given = isFinite(entry.score) ? fromJson(entry.score) : null;
      checkGiven(R, section.kind, c, given, entry.score);
      return criterionScore(c, 'given', atScale(R, given), atScale(R, shownMax), [], [], reason);
    }
    var inputs = present && entry.inputs != null ? entry.inputs : {};
    Object.keys(inputs).forEach(function (key) {
      if (c.ruleIds.indexOf(key) < 0) {
        throw new ScoreError(critPath(c.id) + '.inputs', 'unknownRule', { rule: key, number: c.number,
          rules: c.ruleIds.slice() });
      }
    });
    var outcomes = [];
    var zeroed = false;
    var sum = ZERO;
    var overTargetAward = ZERO;
    c.rules.forEach(function (rule) {
      var o = effects.apply(rule, c, section.kind,
        new RuleInput(own(inputs, rule.id), critPath(c.id) + '.inputs.' + rule.id));
      outcomes.push(o);
      zeroed = zeroed || o.zeroes;
      sum = add(sum, o.effect);
      if ((rule.kind === 'overTarget' || rule.kind === 'excessRatio') && sign(o.effect) > 0) {
        overTargetAward = add(overTargetAward, o.effect);
      }
      if (o.fired && rule.veto != null) {
        var v = vetoEntry(R, rule.veto);
        if (v === null) {
          throw new Error('rubric: rule ' + c.id + '/' + rule.id + ' names an undeclared veto "' + rule.veto + '"');
        }
        var already = vetoes.some(function (a) {
          return a.id === v.id;
        });
        if (!already) {
          vetoes.push({ id: v.id, effect: v.effect, source: c.id + '/' + rule.id });
        }
      }
    });
    var limits = [];
    c.parts.forEach(function (part) {
      var deducted = ZERO;
      for (var i = 0; i < c.rules.length; i++) {
        if (part.id === c.rules[i].part && sign(outcomes[i].effect) < 0) {
          deducted = add(deducted, neg(outcomes[i].effect));
        }
      }
      if (cmp(deducted, part.budget) > 0) {
        var back = sub(deducted, part.budget);
        limits.push({ partId: part.id, deducted: deducted, budget: part.budget, returned: back });
        sum = add(sum, back);
      }
    });
    if (section.kind === 'bonus' && !zeroed && sign(sum) < 0) {
      outcomes = countedInBonus(outcomes, neg(sum));
    }
    var score;
    switch (section.kind) {
      case 'score':
        score = zeroed ? ZERO : clamp(add(points, sum), ZERO, add(points, overTargetAward));
        break;
      case 'bonus':
        score = zeroed ? ZERO : c.points == null ? max(sum, ZERO) : clamp(sum, ZERO, points);
        break;
      case 'penalty':
        score = c.points == null ? min(sum, ZERO) : clamp(sum, neg(points), ZERO);
        break;
      default:
        throw new Error('rubric: unknown section kind ' + section.kind);
    }
    return criterionScore(c, present ? 'from-inputs' : 'not-recorded', atScale(R, score), atScale(R, shownMax),
      outcomes, limits, reason);
  }

  /** SheetScorer.checkGiven; `given` is null for ±Infinity, `raw` the number as given. */
  function checkGiven(R, kind, c, given, raw) {
    // a bonus or penalty without points of its own is bounded as in Java (SheetScorer.MAX_UNCAPPED)
    var bound = c.points != null ? c.points : MAX_AMOUNT;
    var lo = kind === 'penalty' ? neg(bound) : ZERO;
    var hi = kind === 'score' ? ceiling(c) : kind === 'bonus' ? bound : ZERO;
    if (given === null || cmp(given, lo) < 0 || cmp(given, hi) > 0) {
      throw new ScoreError(critPath(c.id) + '.score', 'scoreOutOfRange', { kind: kind, number: c.number,
        min: plain(lo), max: plain(hi), found: numberText(raw) });
    }
    if (!isMultipleOf(given, R.step)) {
      throw new ScoreError(critPath(c.id) + '.score', 'notMultipleOfStep', { step: plain(R.step), found: plain(given) });
    }
  }

  /** 同一加分项多级加分的，以最高计分标准加分: in each group only the highest criterion counts. */
  function applyHighestOnly(section, scored) {
    if (section.groups.length === 0) {
      return scored;
    }
    var out = scored.slice();
    section.groups.forEach(function (members) {
      // Ties go to the criterion named first in the group, so the section's print order never matters.
      var best = -1;
      var i;
      members.forEach(function (member) {
        for (var k = 0; k < out.length; k++) {
          if (out[k].id === member && (best < 0 || cmp(out[k].score, out[best].score) > 0)) {
            best = k;
          }
        }
      });
      for (i = 0; i < out.length; i++) {
        var c = out[i];
        if (i !== best && members.indexOf(c.id) >= 0 && sign(c.score) !== 0) {
          out[i] = { id: c.id, number: c.number, status: 'superseded', score: dec(B0, c.score.s), maximum: c.maximum,
            rules: c.rules, parts: c.parts, reason: c.reason };
        }
      }
    });
    return out;
  }

  function scoreSection(R, section, sheetCriteria, attributes, effects, vetoes) {
    var scored = section.criteria.map(function (c) {
      return scoreCriterion(R, section, c, sheetCriteria, attributes, effects, vetoes);
    });
    scored = applyHighestOnly(section, scored);
    var sum = ZERO;
    var mx = ZERO;
    scored.forEach(function (c) {
      sum = add(sum, c.score);
      if (section.kind === 'score') {
        mx = add(mx, c.maximum);
      }
    });
    if (section.cap != null) {
      sum = section.kind === 'penalty' ? max(sum, neg(section.cap)) : min(sum, section.cap);
    }
    if (section.kind !== 'score') {
      mx = section.cap != null ? section.cap : sectionMaximum(section, scored);
    }
    return { id: section.id, kind: section.kind, score: atScale(R, sum), maximum: atScale(R, mx), criteria: scored };
  }

  /** Maxima.ofSection: Σ of the criteria's maxima, a highest-only group counting its largest once; null if any is unlimited. */
  function sectionMaximum(section, scored) {
    var sum = ZERO;
    var grouped = {};
    for (var g = 0; g < section.groups.length; g++) {
      var best = ZERO;
      for (var i = 0; i < scored.length; i++) {
        var c = scored[i];
        if (section.groups[g].indexOf(c.id) >= 0 && !hasOwn.call(grouped, c.id)) {
          grouped[c.id] = true;
          if (c.maximum === null) {
            return null;
          }
          best = max(best, c.maximum);
        }
      }
      sum = add(sum, best);
    }
    for (var k = 0; k < scored.length; k++) {
      if (!hasOwn.call(grouped, scored[k].id)) {
        if (scored[k].maximum === null) {
          return null;
        }
        sum = add(sum, scored[k].maximum);
      }
    }
    return sum;
  }

  function scoreCompiled(R, sheet) {
    checkSheet(sheet, R);
    var sheetCriteria = sheet.criteria;
    Object.keys(sheetCriteria).forEach(function (key) {
      if (!hasOwn.call(R.criteria, key)) {
        throw new ScoreError(critPath(key), 'unknownCriterion', { criterion: key, rubric: R.id });
      }
    });
    var attributes = sheet.attributes == null ? {} : sheet.attributes;
    var effects = new RuleEffects(R, attributes, sheet.targets == null ? {} : sheet.targets);
    var vetoes = [];
    (sheet.vetoes || []).forEach(function (id) {
      var v = vetoEntry(R, id);
      if (v === null) {
        throw new ScoreError('$.vetoes', 'unknownVeto', { veto: id, rubric: R.id });
      }
      vetoes.push({ id: v.id, effect: v.effect, source: 'sheet' });
    });
    var sections = [];
    var base = ZERO;
    var bonus = ZERO;
    var penalty = ZERO;
    var maximum = ZERO;
    var perSheet = {};
    R.sheets.forEach(function (id) {
      perSheet[id] = [ZERO, ZERO];
    });
    R.sections.forEach(function (section) {
      var s = scoreSection(R, section, sheetCriteria, attributes, effects, vetoes);
      sections.push(s);
      if (section.kind === 'score') {
        base = add(base, s.score);
        maximum = add(maximum, s.maximum);
      } else if (section.kind === 'bonus') {
        bonus = add(bonus, s.score);
      } else {
        penalty = add(penalty, s.score);
      }
      if (section.sheet != null) {
        var acc = own(perSheet, section.sheet);
        if (acc === undefined) {
          throw new Error('rubric: section ' + section.id + ' names an undeclared sheet "' + section.sheet + '"');
        }
        acc[0] = add(acc[0], s.score);
        if (section.kind === 'score') {
          acc[1] = add(acc[1], s.maximum); // a sheet's maximum is its score sections' points
        }
      }
    });
    var total = max(add(add(base, bonus), penalty), ZERO);
    return {
      rubric: R.id,
      station: sheet.station == null ? null : sheet.station,
      sections: sections,
      sheets: R.sheets.map(function (id) {
        return { id: id, score: atScale(R, max(perSheet[id][0], ZERO)), maximum: atScale(R, perSheet[id][1]) };
      }),
      base: atScale(R, base),
      bonus: atScale(R, bonus),
      penalty: atScale(R, penalty),
      total: atScale(R, total),
      maximum: atScale(R, maximum),
      vetoes: vetoes
    };
  }

  // ---------------------------------------------------------------- JSON output (BreakdownJson)
  function toJson(R, b) {
    var f = function (v) {
      return v === null ? null : format(v, R.scale); // null: a bonus maximum nothing limits
    };
    return {
      rubric: b.rubric,
      station: b.station,
      sections: b.sections.map(function (s) {
        return {
          id: s.id,
          kind: s.kind,
          score: f(s.score),
          maximum: f(s.maximum),
          criteria: s.criteria.map(function (c) {
            return {
              id: c.id,
              number: c.number,
              status: c.status,
              score: f(c.score),
              maximum: f(c.maximum),
              rules: c.rules.map(function (o) {
                return { ruleId: o.ruleId, effect: f(o.effect), zeroes: o.zeroes, fired: o.fired, detail: o.detail };
              }),
              parts: c.parts.map(function (p) {
                return { partId: p.partId, deducted: f(p.deducted), budget: f(p.budget), returned: f(p.returned) };
              }),
              reason: c.reason
            };
          })
        };
      }),
      sheets: b.sheets.map(function (s) {
        return { id: s.id, score: f(s.score), maximum: f(s.maximum) };
      }),
      base: f(b.base),
      bonus: f(b.bonus),
      penalty: f(b.penalty),
      total: f(b.total),
      maximum: f(b.maximum),
      vetoes: b.vetoes.map(function (v) {
        return { id: v.id, effect: v.effect, source: v.source };
      })
    };
  }

  // Compiled rubrics (decimals parsed once), per rubric object: the form rescores on every input.
  var compiled = typeof WeakMap === 'function' ? new WeakMap() : null;

  /** Scores `sheet` against `rubric`; see the header of this file. */
  function score(rubric, sheet) {
    var R = compiled ? compiled.get(rubric) : undefined;
    if (R === undefined) {
      R = compile(rubric);
      if (compiled) {
        compiled.set(rubric, R);
      }
    }
    return toJson(R, scoreCompiled(R, sheet));
  }

  function exactIn(text) {
    var d = parseDecimal(String(text));
    if (d === null) {
      throw new Error('not a decimal: ' + text);
    }
    return d;
  }

  root.Kaoping = Object.freeze({
    score: score,
    version: VERSION,
    ScoreError: ScoreError,
    /** The decimal arithmetic on decimal strings, for the parity tests: BigDecimal.divide and setScale. */
    exact: Object.freeze({
      divide: function (a, b, scale, mode) {
        return format(divide(exactIn(a), exactIn(b), scale, mode), scale);
      },
      setScale: function (a, scale, mode) {
        return format(setScale(exactIn(a), scale, mode), scale);
      }
    })
  });
}(typeof window !== 'undefined' ? window : this));
