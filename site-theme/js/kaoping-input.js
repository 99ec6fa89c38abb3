/*
 * kaoping-input.js — what the browser engine reads from a sheet: ScoreError with its JSON path
 * (org.kaoping.score.ScoreException, org.kaoping.load.JsonPath) and RuleInput, one rule's input
 * read as the rule kind needs it (org.kaoping.score.RuleInput). Loads after kaoping-messages.js.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var fromJson = K.fromJson,
    plain = K.plain,
    MAX_AMOUNT = K.dec(BigInt('999999999999999'), 6),
    cmp = K.cmp,
    numberText = K.numberText;

  // ---------------------------------------------------------------- errors and paths
  /**
   * A sheet that cannot be scored (ScoreException): error.path is the JSON path of the offending
   * value, error.code what is wrong (stable, as the Java engine's), error.params its data, and
   * error.message the Chinese sentence for them (kaoping-messages.js). error.detail = error.message.
   */
  class ScoreError extends Error {
    constructor(path, code, params) {
      var words = K.message(code, params);
      super(words);
      this.name = 'ScoreError';
      this.path = path;
      this.code = code;
      this.params = params || {};
      this.detail = words;
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
      throw new ScoreError(this.path, 'notTrueOrFalse', { value: this.node });
    }
    return this.node;
  };

  /** A measured amount ≥ 0, at most RuleInput.MAX_AMOUNT (JSON.parse makes 1e400 Infinity). */
  RuleInput.prototype.amount = function () {
    var n = this.node;
    if (typeof n !== 'number' || n !== n) {
      throw new ScoreError(this.path, 'notANumber', { value: n });
    }
    var d = isFinite(n) ? fromJson(n) : null;
    if (d === null || cmp(d.u < 0 ? K.neg(d) : d, MAX_AMOUNT) > 0) {
      throw new ScoreError(this.path, 'numberTooLarge', { max: plain(MAX_AMOUNT), found: numberText(n) });
    }
    if (n < 0) {
      throw new ScoreError(this.path, 'negativeNumber', { found: numberText(n) });
    }
    return d;
  };

  RuleInput.prototype.level = function () {
    if (typeof this.node !== 'string') {
      throw new ScoreError(this.path, 'notALevelCode', { value: this.node });
    }
    return this.node;
  };

  RuleInput.prototype.counts = function () {
    if (!Array.isArray(this.node)) {
      throw new ScoreError(this.path, 'notACountList', { value: this.node });
    }
    var out = [];
    for (var i = 0; i < this.node.length; i++) {
      out.push(wholeNumber(this.node[i], this.path + '[' + i + ']'));
    }
    return out;
  };

  RuleInput.prototype.amounts = function () {
    if (!Array.isArray(this.node)) {
      throw new ScoreError(this.path, 'notAnAmountList', { value: this.node });
    }
    var out = [];
    for (var i = 0; i < this.node.length; i++) {
      out.push(new RuleInput(this.node[i], this.path + '[' + i + ']').amount());
    }
    return out;
  };

  /** {"value": v, "amount": a}: the figure a condition depends on and the amount chosen; both optional. */
  RuleInput.prototype.valueAmount = function () {
    var n = this.node;
    if (typeof n !== 'object' || n === null || Array.isArray(n)) {
      throw new ScoreError(this.path, 'notValueAndAmount', { value: n });
    }
    Object.keys(n).forEach(function (f) {
      if (f !== 'value' && f !== 'amount') {
        throw new ScoreError(this.path, 'unknownKey', { key: f });
      }
    }, this);
    var v = new RuleInput(own(n, 'value'), this.path + '.value');
    var a = new RuleInput(own(n, 'amount'), this.path + '.amount');
    return { value: v.absent() ? null : v.amount(), amount: a.absent() ? K.ZERO : a.amount() };
  };

  function wholeNumber(n, path) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2147483647) {
      return n === 0 ? 0 : n; // -0 → 0
    }
    throw new ScoreError(path, 'notWholeNumber', { value: n });
  }

  Object.assign(K, {
    ScoreError: ScoreError,
    childPath: childPath,
    critPath: critPath,
    hasOwn: hasOwn,
    own: own,
    isEmptyObject: isEmptyObject,
    RuleInput: RuleInput,
    MAX_AMOUNT: MAX_AMOUNT
  });
}(typeof window !== 'undefined' ? window : this));
