/*
 * kaoping-messages.js — the words of the browser engine's errors, in Chinese. An error for a
 * sheet (Kaoping.ScoreError) carries a stable code and its params as data; this table turns them
 * into the sentence shown (error.message). The codes are the Java engine's (ScoreException.code(),
 * or the sheet schema's keyword for a malformed sheet); the parity tests compare them, never words.
 * Loads after kaoping-decimal.js.
 *
 * params: "value" is the offending sheet value as given (described here); "found", "min", "max",
 * "step" are exact decimals as text; "number" is a criterion's number (1.1); lists are arrays.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var fromJson = K.fromJson,
    plain = K.plain;

  var LONG = 40;

  function clip(s) {
    return s.length > LONG ? s.slice(0, LONG) + '…' : s;
  }

  /** An offending sheet value in words; long text is cut (a 1 MB value is never echoed whole). */
  function show(v) {
    if (typeof v === 'string') {
      return v === '' ? '空文字' : '文字“' + clip(v) + '”';
    }
    if (typeof v === 'number') {
      return numberText(v);
    }
    if (typeof v === 'boolean') {
      return v ? '“是”' : '“否”';
    }
    if (v === null || v === undefined) {
      return '空值';
    }
    if (Array.isArray(v)) {
      return '列表 ' + json(v);
    }
    return typeof v === 'object' ? '一组字段 ' + json(v) : '无法识别的值';
  }

  /** A list or object as JSON text, cut short; '…' where it has none (a cycle, a BigInt). */
  function json(v) {
    try {
      var s = JSON.stringify(v);
      return typeof s === 'string' ? clip(s) : '…';
    } catch (e) {
      return '…';
    }
  }

  /** A number exactly as the sheet gave it (its shortest decimal form); ∞ where JSON overflowed. */
  function numberText(n) {
    if (n !== n) {
      return '非数字';
    }
    if (n === Infinity || n === -Infinity) {
      return n > 0 ? '∞' : '-∞';
    }
    var exact = plain(fromJson(n));
    return exact.length > 24 ? String(n) : exact; // 1e+300, not 301 digits
  }

  var TYPE = {
    object: '一组字段（对象）',
    array: '列表',
    string: '文字',
    number: '数字',
    boolean: '“是”或“否”',
    stringOrNull: '文字或空值',
    input: '数字、“是”或“否”、文字、列表或一组字段'
  };

  var FORMAT = {
    id: '只能用小写字母、数字、点和连字符，以字母或数字开头',
    date: '应写成 年-月-日，如 2023-06-30',
    fingerprint: '应为 8 到 64 位十六进制数字',
    attributeValue: '只能用字母、数字和连字符，以字母开头',
    targetKey: '应写成 评分项编号/规则编号，如 1.1/ratio'
  };

  function labels(list, key) {
    return list.map(function (x) {
      return x.label ? x.label : x[key];
    }).join('、');
  }

  var MESSAGES = {
    // a rule's input (RuleInput)
    notWholeNumber: function (p) {
      return '应填不小于 0 的整数，填的是 ' + show(p.value);
    },
    notTrueOrFalse: function (p) {
      return '应为“是”或“否”，填的是 ' + show(p.value);
    },
    notANumber: function (p) {
      return '应填数字，填的是 ' + show(p.value);
    },
    negativeNumber: function (p) {
      return '不能为负数，填的是 ' + p.found;
    },
    numberTooLarge: function (p) {
      return '数值过大：最多 ' + p.max + '，填的是 ' + p.found;
    },
    notALevelCode: function (p) {
      return '应选择一个档次，填的是 ' + show(p.value);
    },
    notACountList: function (p) {
      return '应按次数逐次填写整数，填的是 ' + show(p.value);
    },
    notAnAmountList: function (p) {
      return '应逐人次填写扣分，填的是 ' + show(p.value);
    },
    notValueAndAmount: function (p) {
      return '应填写实际数值和扣分，填的是 ' + show(p.value);
    },
    // a rule's effect (RuleEffects)
    unknownLevel: function (p) {
      return '没有“' + clip(p.found) + '”这一档次；可选：' + labels(p.levels, 'code');
    },
    tooManyCounts: function (p) {
      return '最多按 ' + p.max + ' 次填写，填了 ' + p.found + ' 次';
    },
    amountOutOfRange: function (p) {
      return '酌情扣分应为 0' + (p.min === '0' ? ' 到 ' : ' 或 ' + p.min + ' 到 ') + p.max + ' 分，填的是 ' + p.found;
    },
    occurrenceOutOfRange: function (p) {
      return '每人次酌情扣分应为 ' + p.min + ' 到 ' + p.max + ' 分，填的是 ' + p.found;
    },
    conditionValueMissing: function (p) {
      return '只有实际数值' + (p.below ? '低于 ' : '高于 ') + p.bound + ' 时才能扣分，请先填写实际数值';
    },
    conditionNotMet: function (p) {
      return '实际数值 ' + p.found + ' 未' + (p.below ? '低于 ' : '超过 ') + p.bound + '，不能酌情扣分，扣分应为 0';
    },
    partScoreOutOfRange: function (p) {
      return '这一部分的得分应在 0 到 ' + p.max + ' 分之间，填的是 ' + p.found;
    },
    missingStationTarget: function (p) {
      return '这一项按各所自己的目标计分，' + (p.found == null ? '请先填写本所目标' : '本所目标应大于 0，填的是 ' + p.found);
    },
    notMultipleOfStep: function (p) {
      return '最小计分单位是 ' + p.step + ' 分，' + p.found + ' 不是 ' + p.step + ' 的整数倍';
    },
    missingAttribute: function (p) {
      return '这一项的目标取决于' + (p.title || '所的属性') + '（' + labels(p.values, 'value') + '），请先选择'
        + (p.title || '所的属性');
    },
    unknownAttributeValue: function (p) {
      return (p.title || '所的属性') + '“' + clip(p.value) + '”没有对应的目标；可选：' + labels(p.values, 'value');
    },
    // a criterion (SheetScorer)
    scoreOutOfRange: function (p) {
      var what = p.kind === 'bonus' ? '加分' : p.kind === 'penalty' ? '扣分' : '得分';
      return '评分项 ' + p.number + ' 的' + what + '应在 ' + p.min + ' 到 ' + p.max + ' 分之间'
        + (p.kind === 'penalty' ? '（扣分以负数填写）' : '') + '，填的是 ' + p.found;
    },
    unknownCriterion: function (p) {
      return '本细则没有评分项“' + clip(p.criterion) + '”';
    },
    unknownVeto: function (p) {
      return '本细则没有一票否决项“' + clip(p.veto) + '”';
    },
    unknownRule: function (p) {
      return '评分项 ' + p.number + ' 没有“' + clip(p.rule) + '”这一条扣分规则';
    },
    notApplicableButScored: function (p) {
      return '评分项 ' + p.number + ' 已标为不适用，不能再打分或按细则填写';
    },
    scoreAndInputs: function (p) {
      return '评分项 ' + p.number + ' 只能直接打分或按细则填写，不能两样都填';
    },
    // the sheet's shape (sheet.schema.json)
    wrongType: function (p) {
      return '应为' + TYPE[p.expected] + '，实为 ' + show(p.value);
    },
    unknownKey: function (p) {
      return '评分表中有不认识的字段“' + clip(p.key) + '”';
    },
    missingKey: function (p) {
      return '评分表缺少字段“' + p.key + '”';
    },
    badFormat: function (p) {
      return show(p.value) + '的写法不对：' + FORMAT[p.format];
    },
    mustBeTrue: function (p) {
      return '不适用标记只能为“是”，实为 ' + show(p.value);
    },
    emptyText: function () {
      return '不能为空';
    }
  };

  /** The Chinese sentence for an error code and its params. */
  function message(code, params) {
    return Object.prototype.hasOwnProperty.call(MESSAGES, code) ? MESSAGES[code](params || {}) : '评分表有误（' + code + '）';
  }

  Object.assign(K, {
    MESSAGES: MESSAGES,
    message: message,
    numberText: numberText
  });
}(typeof window !== 'undefined' ? window : this));
