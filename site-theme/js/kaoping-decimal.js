/*
 * kaoping-decimal.js — exact decimal arithmetic for the browser engine, as java.math.BigDecimal does
 * it: a decimal is { u: BigInt unscaled value, s: scale ≥ 0 }, value = u × 10^-s. First of the
 * engine's plain scripts (load order: kaoping-decimal, kaoping-messages, kaoping-input, kaoping-sheet,
 * kaoping-rubric, kaoping-rules, kaoping-score); they share internals through window.KaopingEngine, the
 * public API is window.Kaoping.
 * Needs BigInt at run time (every current browser); the source itself uses no BigInt literals.
 *
 * Every JSON number is read through its shortest decimal string (String(number)) into a BigInt
 * scaled by 10^k; no score ever passes through binary floating point. Limit: a JSON number with
 * more than 17 significant digits is already rounded by JSON.parse before this script sees it.
 */
(function (root) {
  'use strict';

  var K = root.KaopingEngine || (root.KaopingEngine = {});

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
  Object.assign(K, {
    B0: B0,
    B1: B1,
    dec: dec,
    ZERO: ZERO,
    parseDecimal: parseDecimal,
    fromJson: fromJson,
    fromInt: fromInt,
    add: add,
    sub: sub,
    neg: neg,
    mul: mul,
    cmp: cmp,
    sign: sign,
    min: min,
    max: max,
    setScale: setScale,
    divide: divide,
    isMultipleOf: isMultipleOf,
    format: format,
    plain: plain
  });
}(typeof window !== 'undefined' ? window : this));
