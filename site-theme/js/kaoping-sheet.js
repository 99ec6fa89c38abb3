/*
 * kaoping-sheet.js — checks a sheet's shape before it is scored, as the Java side does when it loads
 * one (generator/src/main/resources/org/kaoping/schema/sheet.schema.json, then SheetScorer): the same
 * sheets are refused, at the JSON path the schema names, with a code for the schema's keyword:
 *   type → wrongType   additionalProperties → unknownKey (at the object holding the key)
 *   required → missingKey   pattern, propertyNames → badFormat   const → mustBeTrue   minLength → emptyText
 *   oneOf (score / inputs / notApplicable together) → scoreAndInputs or notApplicableButScored
 * One difference: sheet.rubric is optional here, since Kaoping.score is given the rubric itself.
 * A member whose value is undefined counts as absent (JSON.stringify drops it). Loads after kaoping-input.js.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});
  var ScoreError = K.ScoreError,
    childPath = K.childPath,
    critPath = K.critPath,
    hasOwn = K.hasOwn;

  var ID = /^[a-z0-9][a-z0-9.-]*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var FINGERPRINT = /^[0-9a-f]{8,64}$/;
  var ATTRIBUTE_VALUE = /^[a-zA-Z][a-zA-Z0-9-]*$/;
  var TARGET_KEY = /^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*$/;

  var SHEET_KEYS = ['rubric', 'fingerprint', 'station', 'period', 'unit', 'date', 'attributes', 'criteria', 'vetoes',
    'targets', 'recordedTotal', 'signatures', 'corrections', 'notes'];
  var ENTRY_KEYS = ['score', 'inputs', 'notApplicable', 'reason'];
  var SIGNATURE_KEYS = ['unitHead', 'members', 'leader'];
  var CORRECTION_KEYS = ['criterion', 'recorded', 'corrected', 'quote', 'note'];

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  /** A JSON number: NaN is none; ±Infinity is, as JSON.parse makes it of 1e400. */
  function isNumber(v) {
    return typeof v === 'number' && v === v;
  }

  function has(obj, key) {
    return hasOwn.call(obj, key) && obj[key] !== undefined;
  }

  function wrongType(path, expected, value) {
    return new ScoreError(path, 'wrongType', { expected: expected, value: value });
  }

  /** An object with only the given keys; returns it. */
  function object(v, path, keys) {
    if (!isObject(v)) {
      throw wrongType(path, 'object', v);
    }
    if (keys) {
      Object.keys(v).forEach(function (key) {
        if (keys.indexOf(key) < 0 && v[key] !== undefined) {
          throw new ScoreError(path, 'unknownKey', { key: key });
        }
      });
    }
    return v;
  }

  function array(v, path) {
    if (!Array.isArray(v)) {
      throw wrongType(path, 'array', v);
    }
    return v;
  }

  function text(v, path, pattern, format) {
    if (typeof v !== 'string') {
      throw wrongType(path, 'string', v);
    }
    if (pattern && !pattern.test(v)) {
      throw new ScoreError(path, 'badFormat', { format: format, value: v });
    }
  }

  function nonEmptyText(v, path) {
    text(v, path);
    if (v.length === 0) {
      throw new ScoreError(path, 'emptyText', {});
    }
  }

  function isNumberAt(v, path) {
    if (!isNumber(v)) {
      throw wrongType(path, 'number', v);
    }
  }

  function texts(v, path, pattern, format) {
    array(v, path).forEach(function (x, i) {
      text(x, path + '[' + i + ']', pattern, format);
    });
  }

  function entry(e, id, R) {
    var path = critPath(id);
    var number = hasOwn.call(R.criteria, id) ? R.criteria[id].number : id;
    object(e, path, ENTRY_KEYS);
    if (has(e, 'score')) {
      isNumberAt(e.score, path + '.score');
    }
    if (has(e, 'inputs')) {
      var inputs = object(e.inputs, path + '.inputs');
      Object.keys(inputs).forEach(function (rule) {
        var v = inputs[rule];
        if (v !== undefined && !isNumber(v) && typeof v !== 'boolean' && typeof v !== 'string' && !Array.isArray(v)
          && !isObject(v)) {
          throw wrongType(childPath(path + '.inputs', rule), 'input', v);
        }
      });
    }
    if (has(e, 'notApplicable') && e.notApplicable !== true) {
      throw new ScoreError(path + '.notApplicable', 'mustBeTrue', { value: e.notApplicable });
    }
    if (has(e, 'reason')) {
      text(e.reason, path + '.reason');
    }
    // the schema's oneOf: at most one of score, inputs, notApplicable (SheetScorer's two refusals)
    if (has(e, 'notApplicable') && (has(e, 'score') || has(e, 'inputs'))) {
      throw new ScoreError(path, 'notApplicableButScored', { number: number });
    }
    if (has(e, 'score') && has(e, 'inputs')) {
      throw new ScoreError(path, 'scoreAndInputs', { number: number });
    }
  }

  function signatures(s) {
    object(s, '$.signatures', SIGNATURE_KEYS);
    ['unitHead', 'leader'].forEach(function (role) {
      if (has(s, role) && s[role] !== null && typeof s[role] !== 'string') {
        throw wrongType('$.signatures.' + role, 'stringOrNull', s[role]);
      }
    });
    if (has(s, 'members')) {
      texts(s.members, '$.signatures.members');
    }
  }

  function corrections(list) {
    array(list, '$.corrections').forEach(function (c, i) {
      var path = '$.corrections[' + i + ']';
      object(c, path, CORRECTION_KEYS);
      CORRECTION_KEYS.forEach(function (key) {
        if (!has(c, key)) {
          throw new ScoreError(path, 'missingKey', { key: key });
        }
      });
      text(c.criterion, path + '.criterion');
      isNumberAt(c.recorded, path + '.recorded');
      isNumberAt(c.corrected, path + '.corrected');
      nonEmptyText(c.quote, path + '.quote');
      nonEmptyText(c.note, path + '.note');
    });
  }

  /** Throws a ScoreError for the first problem of the sheet's shape (sheet.schema.json); R: the compiled rubric. */
  function checkSheet(sheet, R) {
    object(sheet, '$', SHEET_KEYS);
    if (!has(sheet, 'criteria')) {
      throw new ScoreError('$', 'missingKey', { key: 'criteria' });
    }
    if (has(sheet, 'rubric')) {
      text(sheet.rubric, '$.rubric', ID, 'id');
    }
    if (has(sheet, 'fingerprint')) {
      text(sheet.fingerprint, '$.fingerprint', FINGERPRINT, 'fingerprint');
    }
    if (has(sheet, 'station')) {
      nonEmptyText(sheet.station, '$.station');
    }
    if (has(sheet, 'period')) {
      text(sheet.period, '$.period', ID, 'id');
    }
    if (has(sheet, 'unit')) {
      text(sheet.unit, '$.unit');
    }
    if (has(sheet, 'date')) {
      text(sheet.date, '$.date', DATE, 'date');
    }
    if (has(sheet, 'attributes')) {
      var attributes = object(sheet.attributes, '$.attributes');
      Object.keys(attributes).forEach(function (name) {
        if (attributes[name] !== undefined) {
          text(attributes[name], childPath('$.attributes', name), ATTRIBUTE_VALUE, 'attributeValue');
        }
      });
    }
    var criteria = object(sheet.criteria, '$.criteria');
    Object.keys(criteria).forEach(function (id) {
      if (criteria[id] === undefined) {
        return;
      }
      if (!ID.test(id)) {
        throw new ScoreError('$.criteria', 'badFormat', { format: 'id', value: id });
      }
      entry(criteria[id], id, R);
    });
    if (has(sheet, 'vetoes')) {
      texts(sheet.vetoes, '$.vetoes', ID, 'id');
    }
    if (has(sheet, 'targets')) {
      // per-station targets: "criterion/rule" → number (rubrics/README.md, Targets)
      var targets = object(sheet.targets, '$.targets');
      Object.keys(targets).forEach(function (key) {
        if (targets[key] === undefined) {
          return;
        }
        if (!TARGET_KEY.test(key)) {
          throw new ScoreError('$.targets', 'badFormat', { format: 'targetKey', value: key });
        }
        isNumberAt(targets[key], childPath('$.targets', key));
      });
    }
    if (has(sheet, 'recordedTotal')) {
      isNumberAt(sheet.recordedTotal, '$.recordedTotal');
    }
    if (has(sheet, 'signatures')) {
      signatures(sheet.signatures);
    }
    if (has(sheet, 'corrections')) {
      corrections(sheet.corrections);
    }
    if (has(sheet, 'notes')) {
      texts(sheet.notes, '$.notes');
    }
  }

  K.checkSheet = checkSheet;
}(typeof window !== 'undefined' ? window : this));
