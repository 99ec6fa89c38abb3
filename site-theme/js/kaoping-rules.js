/*
 * kaoping-rules.js — RuleEffects: one function per rule kind, named as in
 * org.kaoping.score.RuleEffects (the reference): perCount, zeroing, discretionary,
 * completionRatio, threshold, levels, awardPerCount, symmetric and overTarget (both through
 * aroundTarget), escalating, excessRatio, earnPerCount, discretionaryEach, discretionaryIf, direct.
 * An absent input means "nothing found" (for earnPerCount: nothing earned). Loads after kaoping-rubric.js.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var ZERO = K.ZERO,
    dec = K.dec,
    fromInt = K.fromInt,
    add = K.add,
    sub = K.sub,
    neg = K.neg,
    mul = K.mul,
    cmp = K.cmp,
    sign = K.sign,
    min = K.min,
    divide = K.divide,
    isMultipleOf = K.isMultipleOf,
    plain = K.plain,
    ScoreError = K.ScoreError,
    own = K.own,
    partOf = K.partOf;

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

  function RuleEffects(R, attributes, targets) {
    this.R = R;
    this.attributes = attributes;
    this.targets = targets;
  }

  RuleEffects.prototype.apply = function (rule, c, kind, input) {
    if (rule.kind === 'earnPerCount') {
      return earnPerCount(rule, c, kind, input); // nothing found here means nothing earned
    }
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
        return completionRatio(this.R, this, rule, c, input);
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
      case 'excessRatio':
        return excessRatio(this.R, this, rule, c, input);
      case 'discretionaryEach':
        return discretionaryEach(this.R, rule, input);
      case 'discretionaryIf':
        return discretionaryIf(this.R, rule, input);
      case 'direct':
        return direct(this.R, rule, c, kind, input);
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
      throw new ScoreError(input.path, 'amountOutOfRange', { min: plain(r.min), max: plain(r.max), found: plain(a) });
    }
    requireStep(R, a, input.path);
    return deduction(r.id, a, plain(a) + ' (酌情)');
  }

  function completionRatio(R, E, r, c, input) {
    var achieved = input.amount();
    var target = targetOf(R, E, r, c, input.path);
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

  function targetOf(R, E, r, c, path) {
    if (r.target != null) {
      return r.target;
    }
    if (r.perStation) {
      var key = c.id + '/' + r.id;
      var given = own(E.targets, key);
      var t0 = typeof given === 'number' ? K.fromJson(given) : null;
      if (t0 === null || sign(t0) <= 0) {
        throw new ScoreError(path, 'missingStationTarget', { key: key, found: t0 === null ? null : plain(t0) });
      }
      return t0;
    }
    var value = own(E.attributes, r.attribute);
    // the rubric's words for the attribute (所别: 大所/小所), for the message
    var def = own(R.attributes, r.attribute);
    var params = { attribute: r.attribute, title: def && def.title, values: r.targetKeys.map(function (k) {
      return { value: k, label: def ? own(def.values, k) : undefined };
    }) };
    if (value == null) {
      throw new ScoreError(path, 'missingAttribute', params);
    }
    var t = own(r.targets, value);
    if (t == null) {
      params.value = value;
      throw new ScoreError(path, 'unknownAttributeValue', params);
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
      throw new ScoreError(input.path, 'unknownLevel', { found: code, levels: r.levels.map(function (l) {
        return { code: l.code, label: l.label };
      }) });
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
      throw new ScoreError(input.path, 'tooManyCounts', { max: r.steps.length, found: counts.length });
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

  function excessRatio(R, E, r, c, input) {
    var achieved = input.amount();
    var target = targetOf(R, E, r, c, input.path);
    var excess = K.max(sub(achieved, target), ZERO);
    // The mirror of completionRatio's division: the same scale and declared rounding.
    var raw = divide(mul(r.per, excess), target, R.scale, R.rounding);
    var a = capped(raw, r.cap);
    var on = sign(a) !== 0;
    return outcome(r.id, a, false, on, on ? plain(achieved) + ' / ' + plain(target) + capNote(raw, r.cap) : '');
  }

  /** What a rule that sets a score sets: its part's budget, or the points of a score criterion (as levels). */
  function scopeOf(r, c, kind) {
    if (r.part != null) {
      return partOf(c, r.part).budget;
    }
    return kind === 'score' ? (c.points == null ? ZERO : c.points) : ZERO;
  }

  function earnPerCount(r, c, kind, input) {
    var n = input.absent() ? 0 : input.count();
    var scope = scopeOf(r, c, kind);
    var limit = capped(scope, r.cap);
    var raw = mul(r.per, fromInt(n));
    var effect = sub(min(raw, limit), scope);
    var on = sign(effect) !== 0;
    return outcome(r.id, effect, false, on, on ? n + ' × ' + plain(r.per) + ' / ' + plain(scope) + capNote(raw, limit) : '');
  }

  function discretionaryEach(R, r, input) {
    var amounts = input.amounts();
    var sum = ZERO;
    var detail = '';
    for (var i = 0; i < amounts.length; i++) {
      var a = amounts[i];
      var path = input.path + '[' + i + ']';
      if (cmp(a, r.min) < 0 || cmp(a, r.max) > 0) {
        throw new ScoreError(path, 'occurrenceOutOfRange', { min: plain(r.min), max: plain(r.max), found: plain(a) });
      }
      requireStep(R, a, path);
      sum = add(sum, a);
      detail += (i === 0 ? '' : ' + ') + plain(a);
    }
    return deduction(r.id, capped(sum, r.cap), detail + ' (酌情)' + capNote(sum, r.cap));
  }

  function discretionaryIf(R, r, input) {
    var va = input.valueAmount();
    var a = va.amount;
    if (sign(a) === 0) {
      return none(r.id);
    }
    var amountPath = input.path + '.amount';
    var condition = { below: r.atLeast != null, bound: plain(r.atLeast != null ? r.atLeast : r.atMost) };
    if (va.value === null) {
      throw new ScoreError(input.path + '.value', 'conditionValueMissing', condition);
    }
    var v = va.value;
    var holds = r.atLeast != null ? cmp(v, r.atLeast) < 0 : cmp(v, r.atMost) > 0;
    if (!holds) {
      condition.found = plain(v);
      throw new ScoreError(amountPath, 'conditionNotMet', condition);
    }
    if (cmp(a, r.min) < 0 || cmp(a, r.max) > 0) {
      throw new ScoreError(amountPath, 'amountOutOfRange', { min: plain(r.min), max: plain(r.max), found: plain(a) });
    }
    requireStep(R, a, amountPath);
    return deduction(r.id, a, plain(v) + (r.atLeast != null ? ' < ' + plain(r.atLeast) : ' > ' + plain(r.atMost))
      + ', ' + plain(a) + ' (酌情)');
  }

  function direct(R, r, c, kind, input) {
    var given = input.amount();
    var scope = scopeOf(r, c, kind);
    if (cmp(given, scope) > 0) {
      throw new ScoreError(input.path, 'partScoreOutOfRange', { max: plain(scope), found: plain(given) });
    }
    requireStep(R, given, input.path);
    var effect = sub(given, scope);
    var on = sign(effect) !== 0;
    return outcome(r.id, effect, false, on, on ? plain(given) + ' / ' + plain(scope) : '');
  }

  /**
   * SheetScorer.countedInBonus: a bonus criterion floors at 0, so deductions beyond its awards count for
   * nothing; report only what counted, the deductions met first in rule order counting first.
   */
  function countedInBonus(outcomes, uncounted) {
    var out = [];
    var left = uncounted;
    for (var i = outcomes.length - 1; i >= 0; i--) {
      var o = outcomes[i];
      if (sign(o.effect) < 0 && sign(left) > 0) {
        var dropped = min(left, neg(o.effect));
        left = sub(left, dropped);
        var counted = add(o.effect, dropped);
        var on = sign(counted) !== 0;
        o = outcome(o.ruleId, counted, o.zeroes, on, on ? o.detail + ', ' + plain(dropped) + ' not counted below 0' : '');
      }
      out.unshift(o);
    }
    return out;
  }

  function requireStep(R, v, path) {
    if (!isMultipleOf(v, R.step)) {
      throw new ScoreError(path, 'notMultipleOfStep', { step: plain(R.step), found: plain(v) });
    }
  }
  Object.assign(K, {
    RuleEffects: RuleEffects,
    countedInBonus: countedInBonus
  });
}(typeof window !== 'undefined' ? window : this));
