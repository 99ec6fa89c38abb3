/*
 * kaoping-score.js — scores one sheet against its rubric in the browser, exactly as the Java
 * engine does (generator/src/main/java/org/kaoping/score/SheetScorer.java and RuleEffects.java,
 * which are the reference; rubrics/README.md is the contract). Plain ES2017 script, no modules,
 * no dependencies: load it with <script src="…/kaoping-score.js"> (works from a local folder, with no server).
 * Needs BigInt at run time (every current browser); the source itself uses no BigInt literals.
 *
 *   Kaoping.score(rubric, sheet) → breakdown        Kaoping.version → "1.0.0"
 *
 *   rubric  a rubric as parsed JSON (rubrics/<id>.json). Treated as read-only: it is compiled once
 *           per object (a WeakMap), so a changed rubric must be a new object.
 *   sheet   a sheet as parsed JSON (README "Sheet format"): criteria → { score } | { inputs } |
 *           { notApplicable: true }, optional attributes (the station's: size, partyMembers…)
 *           and vetoes. Give the station's attributes in sheet.attributes, as the Java engine
 *           receives them (Sheet.withAttributes).
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
 *     Every decimal is a string at the rubric's scale ("97.50"), or longer only when the exact
 *     value needs more places (a rule effect of a rubric whose numbers exceed its scale).
 *   throws  Kaoping.ScoreError (an Error) when the sheet cannot be scored, like ScoreException:
 *           message "<JSON path>: <what is wrong>", e.g. '$.criteria["1.1"].inputs.x: expected …';
 *           error.path and error.detail hold the two halves. A defect of the rubric itself (an
 *           undeclared part, veto or sheet, which `kaoping check` reports) throws a plain Error "rubric: …".
 *
 *   Kaoping.exact.divide(a, b, scale, mode), Kaoping.exact.setScale(a, scale, mode): the decimal
 *   arithmetic on decimal strings, as BigDecimal does it (used by the parity tests).
 *
 * Arithmetic is exact: every JSON number is read through its shortest decimal string
 * (String(number)) into a BigInt scaled by 10^k; no score ever passes through binary floating
 * point. Division (completionRatio) and bringing values to the rubric's scale round exactly as
 * java.math.BigDecimal with the rubric's RoundingMode. Limit: a JSON number with more than 17
 * significant digits is already rounded by JSON.parse before this script sees it.
 *
 * One function per rule kind, named as in RuleEffects: perCount, zeroing, discretionary,
 * completionRatio, threshold, levels, awardPerCount, symmetric and overTarget (both through
 * aroundTarget), escalating.
 */
(function (root) {
  'use strict';

  var VERSION = '1.0.0';

  // ---------------------------------------------------------------- exact decimals (BigDecimal)
  // A decimal is { u: BigInt unscaled value, s: scale ≥ 0 }: value = u × 10^-s.
  var B0 = BigInt(0);
  var B1 = BigInt(1);
  var B2 = BigInt(2);
  var B10 = BigInt(10);
  var POW = [B1];

  function pow10(k) {
    while (POW.length <= k) {
      POW.push(POW[POW.length - 1] * B10);
    }
    return POW[k];
  }

  function dec(u, s) {
    return { u: u, s: s };
  }

  var ZERO = dec(B0, 0);
  var NUMBER = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

  function parseDecimal(text) {
    var m = NUMBER.exec(text);
    if (!m) {
      return null;
    }
    var frac = m[3] || '';
    var s = frac.length - (m[4] ? parseInt(m[4], 10) : 0);
    var u = BigInt(m[2] + frac);
    if (m[1] === '-') {
      u = -u;
    }
    if (s < 0) {
      u = u * pow10(-s);
      s = 0;
    }
    return dec(u, s);
  }

  /** A JSON number (or, in a rubric, a decimal string) as an exact decimal: the number's shortest decimal form. */
  function fromJson(v) {
    if (typeof v === 'number' || typeof v === 'string') {
      return parseDecimal(String(v));
    }
    return null;
  }

  function fromInt(n) {
    return dec(BigInt(n), 0);
  }

  function align(a, s) {
    return a.s === s ? a.u : a.u * pow10(s - a.s);
  }

  function add(a, b) {
    var s = Math.max(a.s, b.s);
    return dec(align(a, s) + align(b, s), s);
  }

  function sub(a, b) {
    var s = Math.max(a.s, b.s);
    return dec(align(a, s) - align(b, s), s);
  }

  function neg(a) {
    return dec(-a.u, a.s);
  }

  function mul(a, b) {
    return dec(a.u * b.u, a.s + b.s);
  }

  function cmp(a, b) {
    var s = Math.max(a.s, b.s);
    var x = align(a, s);
    var y = align(b, s);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function sign(a) {
    return a.u < B0 ? -1 : a.u > B0 ? 1 : 0;
  }

  // BigDecimal.min/max return one of the operands (the first when equal).
  function min(a, b) {
    return cmp(a, b) <= 0 ? a : b;
  }

  function max(a, b) {
    return cmp(a, b) >= 0 ? a : b;
  }

  function abs(n) {
    return n < B0 ? -n : n;
  }

  /** n / d rounded to an integer as java.math.RoundingMode `mode` does; d > 0. */
  function roundDiv(n, d, mode) {
    var q = n / d; // truncates toward zero
    var r = n - q * d;
    if (r === B0) {
      return q;
    }
    var sgn = n < B0 ? -B1 : B1;
    switch (mode) {
      case 'DOWN':
        return q;
      case 'UP':
        return q + sgn;
      case 'FLOOR':
        return sgn < B0 ? q - B1 : q;
      case 'CEILING':
        return sgn > B0 ? q + B1 : q;
      case 'HALF_UP':
      case 'HALF_DOWN':
      case 'HALF_EVEN': {
        var twice = abs(r) * B2;
        if (twice > d) {
          return q + sgn;
        }
        if (twice < d) {
          return q;
        }
        if (mode === 'HALF_UP') {
          return q + sgn;
        }
        if (mode === 'HALF_DOWN') {
          return q;
        }
        return q % B2 === B0 ? q : q + sgn;
      }
      default:
        throw new Error('unknown rounding mode ' + mode);
    }
  }

  /** BigDecimal.setScale(scale, mode). */
  function setScale(a, scale, mode) {
    if (scale >= a.s) {
      return dec(a.u * pow10(scale - a.s), scale);
    }
    return dec(roundDiv(a.u, pow10(a.s - scale), mode), scale);
  }

  /** BigDecimal.divide(divisor, scale, mode): the exact quotient rounded to `scale` places. */
  function divide(a, b, scale, mode) {
    if (b.u === B0) {
      throw new Error('division by zero');
    }
    // a/b × 10^scale = a.u × 10^(scale − a.s + b.s) / b.u
    var e = scale - a.s + b.s;
    var n = e >= 0 ? a.u * pow10(e) : a.u;
    var d = e >= 0 ? b.u : b.u * pow10(-e);
    if (d < B0) {
      n = -n;
      d = -d;
    }
    return dec(roundDiv(n, d, mode), scale);
  }

  /** a.remainder(b).signum() == 0 */
  function isMultipleOf(a, b) {
    var s = Math.max(a.s, b.s);
    var y = align(b, s);
    return y !== B0 && align(a, s) % y === B0;
  }

  /** The value with exactly `places` decimals, or more when the exact value needs them (toPlainString). */
  function format(a, places) {
    var u = a.u;
    var s = a.s;
    while (s > places && u % B10 === B0) {
      u = u / B10;
      s--;
    }
    if (s < places) {
      u = u * pow10(places - s);
      s = places;
    }
    var negative = u < B0;
    var digits = abs(u).toString();
    if (s > 0) {
      while (digits.length <= s) {
        digits = '0' + digits;
      }
      digits = digits.slice(0, digits.length - s) + '.' + digits.slice(digits.length - s);
    }
    return (negative ? '-' : '') + digits;
  }

  /** RuleEffects.plain: stripTrailingZeros().toPlainString(). */
  function plain(a) {
    return format(a, 0);
  }

  // ---------------------------------------------------------------- errors and paths
  class ScoreError extends Error {
    constructor(path, detail) {
      super(path + ': ' + detail);
      this.name = 'ScoreError';
      this.path = path;
      this.detail = detail;
    }
  }

  /** JsonPath.child(parent, name) for a member name. */
  function childPath(parent, seg) {
    if (/^\d+$/.test(seg)) {
      return parent + '[' + seg + ']';
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) {
      return parent + '.' + seg;
    }
    return parent + '["' + seg.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"]';
  }

  function critPath(id) {
    return childPath('$.criteria', id);
  }

  var hasOwn = Object.prototype.hasOwnProperty;

  /** obj[key] when obj has it as its own property (ids like "constructor" are valid). */
  function own(obj, key) {
    return obj != null && typeof obj === 'object' && hasOwn.call(obj, key) ? obj[key] : undefined;
  }

  function isEmptyObject(o) {
    return o == null || Object.keys(o).length === 0;
  }

  /** RuleInput.describe: how an offending sheet value is shown in a message. */
  function describe(n) {
    if (typeof n === 'string') {
      return 'text "' + n + '"';
    }
    if (typeof n === 'number') {
      var d = fromJson(n);
      return d ? plain(d) : String(n);
    }
    if (Array.isArray(n)) {
      return 'array ' + JSON.stringify(n);
    }
    if (n === null) {
      return 'null null';
    }
    return typeof n + ' ' + JSON.stringify(n);
  }

  // ---------------------------------------------------------------- the rubric, compiled
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

  // ---------------------------------------------------------------- RuleInput
  function RuleInput(node, path) {
    this.node = node;
    this.path = path;
  }

  RuleInput.prototype.absent = function () {
    return this.node === undefined || this.node === null;
  };

  RuleInput.prototype.count = function () {
    return wholeNumber(this.node, this.path);
  };

  RuleInput.prototype.flag = function () {
    if (typeof this.node !== 'boolean') {
      throw new ScoreError(this.path, 'expected true or false, found ' + describe(this.node));
    }
    return this.node;
  };

  RuleInput.prototype.amount = function () {
    var d = typeof this.node === 'number' ? fromJson(this.node) : null;
    if (d === null) {
      throw new ScoreError(this.path, 'expected a number, found ' + describe(this.node));
    }
    if (sign(d) < 0) {
      throw new ScoreError(this.path, 'expected a number ≥ 0, found ' + format(d, 0));
    }
    return d;
  };

  RuleInput.prototype.level = function () {
    if (typeof this.node !== 'string') {
      throw new ScoreError(this.path, 'expected a level code (text), found ' + describe(this.node));
    }
    return this.node;
  };

  RuleInput.prototype.counts = function () {
    if (!Array.isArray(this.node)) {
      throw new ScoreError(this.path, 'expected a list of whole numbers, one per step, found ' + describe(this.node));
    }
    var out = [];
    for (var i = 0; i < this.node.length; i++) {
      out.push(wholeNumber(this.node[i], this.path + '[' + i + ']'));
    }
    return out;
  };

  function wholeNumber(n, path) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2147483647) {
      return n === 0 ? 0 : n; // -0 → 0
    }
    throw new ScoreError(path, 'expected a whole number ≥ 0, found ' + describe(n));
  }

  // ---------------------------------------------------------------- RuleEffects
  function outcome(ruleId, effect, zeroes, fired, detail) {
    return { ruleId: ruleId, effect: effect, zeroes: zeroes, fired: fired, detail: detail };
  }

  function none(ruleId) {
    return outcome(ruleId, ZERO, false, false, '');
  }

  function deduction(id, amount, detail) {
    var on = sign(amount) !== 0;
    return outcome(id, neg(amount), false, on, on ? detail : '');
  }

  function capped(v, cap) {
    return cap == null ? v : min(v, cap);
  }

  function capNote(raw, cap) {
    return cap != null && cmp(raw, cap) > 0 ? ', capped at ' + plain(cap) : '';
  }

  function RuleEffects(R, attributes) {
    this.R = R;
    this.attributes = attributes;
  }

  RuleEffects.prototype.apply = function (rule, c, kind, input) {
    if (input.absent()) {
      return none(rule.id);
    }
    switch (rule.kind) {
      case 'perCount':
        return perCount(rule, input);
      case 'zeroing':
        return zeroing(rule, input);
      case 'discretionary':
        return discretionary(this.R, rule, input);
      case 'completionRatio':
        return completionRatio(this.R, this.attributes, rule, c, input);
      case 'threshold':
        return threshold(rule, input);
      case 'levels':
        return levels(rule, c, kind, input);
      case 'awardPerCount':
        return awardPerCount(rule, input);
      case 'symmetric':
        return symmetric(rule, input);
      case 'overTarget':
        return overTarget(rule, input);
      case 'escalating':
        return escalating(rule, input);
      default:
        throw new Error('unhandled rule kind ' + rule.kind);
    }
  };

  function perCount(r, input) {
    var n = input.count();
    var raw = mul(r.per, fromInt(n));
    return deduction(r.id, capped(raw, r.cap), n + ' × ' + plain(r.per) + capNote(raw, r.cap));
  }

  function zeroing(r, input) {
    var on = input.flag();
    return outcome(r.id, ZERO, on, on, on ? '本项不得分' : '');
  }

  function discretionary(R, r, input) {
    var a = input.amount();
    if (sign(a) !== 0 && (cmp(a, r.min) < 0 || cmp(a, r.max) > 0)) {
      throw new ScoreError(input.path, 'expected 0 or an amount from ' + plain(r.min) + ' to ' + plain(r.max)
        + ', found ' + plain(a));
    }
    requireStep(R, a, input.path);
    return deduction(r.id, a, plain(a) + ' (酌情)');
  }

  function completionRatio(R, attributes, r, c, input) {
    var achieved = input.amount();
    var target = targetOf(attributes, r, input.path);
    if (r.zeroBelow != null && cmp(achieved, mul(r.zeroBelow, target)) < 0) {
      return outcome(r.id, ZERO, true, true,
        plain(achieved) + ' / ' + plain(target) + ' < ' + plain(mul(r.zeroBelow, dec(BigInt(100), 0))) + '%');
    }
    var budget = budgetOf(r, c);
    var shortfall = sub(target, min(achieved, target));
    // The only division in criterion scoring: brought to the rubric's scale by its declared rounding.
    var d = divide(mul(budget, shortfall), target, R.scale, R.rounding);
    return deduction(r.id, d, plain(achieved) + ' / ' + plain(target));
  }

  function targetOf(attributes, r, path) {
    if (r.target != null) {
      return r.target;
    }
    var value = own(attributes, r.attribute);
    if (value == null) {
      throw new ScoreError(path, 'this rule\'s target depends on the station attribute "' + r.attribute + '" ('
        + r.targetKeys.join(', ') + '), which the sheet does not give');
    }
    var t = own(r.targets, value);
    if (t == null) {
      throw new ScoreError(path, 'no target for ' + r.attribute + ' = "' + value + '"; expected one of '
        + r.targetKeys.join(', '));
    }
    return t;
  }

  function budgetOf(r, c) {
    if (r.budget != null) {
      return r.budget;
    }
    if (r.part != null) {
      return partOf(c, r.part).budget;
    }
    if (c.points == null) {
      throw new Error('rubric: completionRatio ' + c.id + '/' + r.id + ' has no budget and its criterion no points');
    }
    return c.points;
  }

  function threshold(r, input) {
    var v = input.amount();
    var detail;
    if (r.atLeast != null && cmp(v, r.atLeast) < 0) {
      detail = plain(v) + ' < ' + plain(r.atLeast);
    } else if (r.atMost != null && cmp(v, r.atMost) > 0) {
      detail = plain(v) + ' > ' + plain(r.atMost);
    } else {
      return none(r.id);
    }
    if (r.zero) {
      return outcome(r.id, ZERO, true, true, detail);
    }
    if (r.deduct == null) {
      throw new Error('rubric: threshold ' + r.id + ' has neither deduct nor zero');
    }
    return deduction(r.id, r.deduct, detail);
  }

  function levels(r, c, kind, input) {
    var code = input.level();
    var level = null;
    for (var i = 0; i < r.levels.length; i++) {
      if (r.levels[i].code === code) {
        level = r.levels[i];
        break;
      }
    }
    if (level === null) {
      throw new ScoreError(input.path, 'unknown level "' + code + '"; expected one of '
        + r.levels.map(function (l) {
          return l.code;
        }).join(', '));
    }
    var scope;
    if (r.part != null) {
      scope = partOf(c, r.part).budget;
    } else {
      scope = kind === 'score' ? (c.points == null ? ZERO : c.points) : ZERO;
    }
    var effect = sub(level.points, scope);
    return outcome(r.id, effect, false, sign(effect) !== 0, level.code + ' ' + level.label);
  }

  function awardPerCount(r, input) {
    var n = input.count();
    var raw = mul(r.per, fromInt(n));
    return outcome(r.id, capped(raw, r.cap), false, n > 0, n + ' × ' + plain(r.per) + capNote(raw, r.cap));
  }

  function symmetric(r, input) {
    return aroundTarget(r.id, r.target, r.per, r.cap, r.cap, input);
  }

  function overTarget(r, input) {
    return aroundTarget(r.id, r.target, r.per, r.cap, r.bonusCap, input);
  }

  function aroundTarget(id, target, per, deductCap, awardCap, input) {
    var n = input.count();
    var diff = n - target;
    var raw = mul(per, fromInt(Math.abs(diff)));
    if (diff >= 0) {
      return outcome(id, capped(raw, awardCap), false, diff > 0, n + ' / ' + target + capNote(raw, awardCap));
    }
    return deduction(id, capped(raw, deductCap), n + ' / ' + target + capNote(raw, deductCap));
  }

  function escalating(r, input) {
    var counts = input.counts();
    if (counts.length > r.steps.length) {
      throw new ScoreError(input.path, 'expected at most ' + r.steps.length + ' counts (one per step), found '
        + counts.length);
    }
    var raw = ZERO;
    var detail = '';
    for (var i = 0; i < counts.length; i++) {
      raw = add(raw, mul(r.steps[i], fromInt(counts[i])));
      if (counts[i] > 0) {
        detail += (detail.length === 0 ? '' : ' + ') + counts[i] + ' × ' + plain(r.steps[i]);
      }
    }
    return deduction(r.id, capped(raw, r.cap), detail + capNote(raw, r.cap));
  }

  function requireStep(R, v, path) {
    if (!isMultipleOf(v, R.step)) {
      throw new ScoreError(path, 'expected a multiple of ' + plain(R.step) + ', found ' + plain(v));
    }
  }

  // ---------------------------------------------------------------- SheetScorer
  function atScale(R, v) {
    return setScale(v, R.scale, R.rounding);
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
        throw new ScoreError(critPath(c.id), 'marked not applicable but also scored');
      }
      return criterionScore(c, 'not-applicable', ZERO, ZERO, [], [], reason);
    }
    var points = c.points == null ? ZERO : c.points;
    var shownMax = section.kind === 'score' ? points : ZERO;
    if (present && entry.score != null) {
      if (!isEmptyObject(entry.inputs)) {
        throw new ScoreError(critPath(c.id), 'give either "score" or "inputs", not both');
      }
      var given = typeof entry.score === 'number' ? fromJson(entry.score) : null;
      if (given === null) {
        throw new ScoreError(critPath(c.id) + '.score', 'expected a number, found ' + describe(entry.score));
      }
      checkGiven(R, section.kind, c, given);
      return criterionScore(c, 'given', atScale(R, given), atScale(R, shownMax), [], [], reason);
    }
    var inputs = present && entry.inputs != null ? entry.inputs : {};
    Object.keys(inputs).forEach(function (key) {
      if (c.ruleIds.indexOf(key) < 0) {
        throw new ScoreError(critPath(c.id) + '.inputs', 'no rule "' + key + '" in criterion ' + c.number
          + '; expected one of ' + c.ruleIds.join(', '));
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
      if (rule.kind === 'overTarget' && sign(o.effect) > 0) {
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

  function checkGiven(R, kind, c, given) {
    var points = c.points;
    var path = critPath(c.id) + '.score';
    if (kind === 'score') {
      var ceil = ceiling(c);
      if (sign(given) < 0 || cmp(given, ceil) > 0) {
        throw new ScoreError(path, 'expected a score from 0 to ' + plain(ceil) + ' (criterion ' + c.number
          + '), found ' + plain(given));
      }
    } else if (kind === 'bonus') {
      if (sign(given) < 0 || (points != null && cmp(given, points) > 0)) {
        throw new ScoreError(path, 'expected a bonus from 0' + (points == null ? ' up' : ' to ' + plain(points))
          + ', found ' + plain(given));
      }
    } else if (kind === 'penalty') {
      if (sign(given) > 0 || (points != null && cmp(given, neg(points)) < 0)) {
        throw new ScoreError(path, 'expected a penalty from ' + (points == null ? '' : '-' + plain(points) + ' ')
          + 'to 0 (written as a negative number), found ' + plain(given));
      }
    }
    if (!isMultipleOf(given, R.step)) {
      throw new ScoreError(path, 'expected a multiple of ' + plain(R.step) + ', found ' + plain(given));
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
      mx = add(mx, c.maximum);
    });
    if (section.cap != null) {
      sum = section.kind === 'penalty' ? max(sum, neg(section.cap)) : min(sum, section.cap);
    }
    if (section.kind !== 'score') {
      mx = section.cap != null ? section.cap : mx;
    }
    return { id: section.id, kind: section.kind, score: atScale(R, sum), maximum: atScale(R, mx), criteria: scored };
  }

  function scoreCompiled(R, sheet) {
    var sheetCriteria = sheet.criteria == null ? {} : sheet.criteria;
    Object.keys(sheetCriteria).forEach(function (key) {
      if (!hasOwn.call(R.criteria, key)) {
        throw new ScoreError(critPath(key), 'no criterion "' + key + '" in rubric ' + R.id);
      }
    });
    var attributes = sheet.attributes == null ? {} : sheet.attributes;
    var effects = new RuleEffects(R, attributes);
    var vetoes = [];
    (sheet.vetoes || []).forEach(function (id) {
      var v = vetoEntry(R, id);
      if (v === null) {
        throw new ScoreError('$.vetoes', 'no veto "' + id + '" in rubric ' + R.id);
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
      return format(v, R.scale);
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
    return toJson(R, scoreCompiled(R, sheet || {}));
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
