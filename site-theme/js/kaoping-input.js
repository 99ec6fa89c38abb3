/*
 * kaoping-input.js — what the browser engine reads from a sheet: ScoreError with its JSON path
 * (org.kaoping.score.ScoreException, org.kaoping.load.JsonPath) and RuleInput, one rule's input
 * read as the rule kind needs it (org.kaoping.score.RuleInput). Loads after kaoping-decimal.js.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var fromJson = K.fromJson,
    plain = K.plain,
    sign = K.sign,
    format = K.format;

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

  RuleInput.prototype.amounts = function () {
    if (!Array.isArray(this.node)) {
      throw new ScoreError(this.path, 'expected a list of amounts, one per occurrence, found ' + describe(this.node));
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
      throw new ScoreError(this.path, 'expected {"value": …, "amount": …}, found ' + describe(n));
    }
    Object.keys(n).forEach(function (f) {
      if (f !== 'value' && f !== 'amount') {
        throw new ScoreError(this.path, 'unexpected "' + f + '"; expected "value" and "amount"');
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
    throw new ScoreError(path, 'expected a whole number ≥ 0, found ' + describe(n));
  }
  Object.assign(K, {
    ScoreError: ScoreError,
    childPath: childPath,
    critPath: critPath,
    hasOwn: hasOwn,
    own: own,
    isEmptyObject: isEmptyObject,
    describe: describe,
    RuleInput: RuleInput
  });
}(typeof window !== 'undefined' ? window : this));
