/*
 * kaoping-rules.js — RuleEffects: one function per rule kind, named as in
 * org.kaoping.score.RuleEffects (the reference): perCount, zeroing, discretionary,
 * completionRatio, threshold, levels, awardPerCount, symmetric and overTarget (both through
 * aroundTarget), escalating. An absent input means "nothing found". Loads after kaoping-rubric.js.
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
      throw new ScoreError(input.path, 'amountOutOfRange', { min: plain(r.min), max: plain(r.max), found: plain(a) });
    }
    requireStep(R, a, input.path);
    return deduction(r.id, a, plain(a) + ' (酌情)');
  }

  function completionRatio(R, attributes, r, c, input) {
    var achieved = input.amount();
    var target = targetOf(R, attributes, r, input.path);
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

  function targetOf(R, attributes, r, path) {
    if (r.target != null) {
      return r.target;
    }
    var value = own(attributes, r.attribute);
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

  function requireStep(R, v, path) {
    if (!isMultipleOf(v, R.step)) {
      throw new ScoreError(path, 'notMultipleOfStep', { step: plain(R.step), found: plain(v) });
    }
  }
  Object.assign(K, {
    RuleEffects: RuleEffects
  });
}(typeof window !== 'undefined' ? window : this));
