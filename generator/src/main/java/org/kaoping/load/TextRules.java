package org.kaoping.load;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What every string and number in Kaoping's inputs must be, checked while parsing so that each
 * refusal has a line and column: strings hold no lone surrogate (it would print as '?') and no
 * bidirectional control (an RTL override can make one name look like another); numbers are short
 * and of a magnitude a score, point value, count or weight can have — far beyond any real one,
 * yet small enough that no later arithmetic can hang or exhaust memory.
 */
public final class TextRules {
    /** Digits before the decimal point a number may have: values stay below 10^9. */
    public static final int MAX_INTEGER_DIGITS = 9;
    /** Decimal places a number may have (after trailing zeros are dropped). */
    public static final int MAX_DECIMALS = 6;
    static final int MAX_NUMBER_LENGTH = 40;

    private TextRules() {
    }

    public static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Characters a string may hold: ten times the longest text in the sample (a report's finding). */
    public static final int MAX_STRING = 20_000;

    /** Why the string cannot be accepted, or null. */
    public static String stringProblem(String s) {
        if (s.length() > MAX_STRING) {
            return "text of " + s.length() + " characters: Kaoping's texts are at most " + MAX_STRING + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return String.format(Locale.ROOT, "lone surrogate \\u%04X at character %d: not a character; "
                        + "write the text as UTF-8 (or escape a complete surrogate pair)", (int) c, i + 1);
            }
            if (isBidiControl(c)) {
                return String.format(Locale.ROOT, "bidirectional control character U+%04X at character %d: it can "
                        + "make text display differently from what it is; remove it", (int) c, i + 1);
            }
        }
        return null;
    }

    /** Why the number (as written in JSON) cannot be accepted, or null. */
    public static String numberProblem(String text) {
        return isPlainWithinBounds(text) ? null : boundsProblem(text); // the first: nearly every number, no BigDecimal
    }

    /** {@link #numberProblem} worked out in full, for any number JSON allows. */
    static String boundsProblem(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            return "number " + Quote.of(text) + " is too long: numbers have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_DECIMALS + " after it";
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "number " + Quote.of(text) + " is out of range";
        }
        if (v.signum() == 0) {
            return null;
        }
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return "number " + Quote.of(text) + " is out of range: no score, point value, count or weight reaches 10^"
                    + MAX_INTEGER_DIGITS;
        }
        if (integerDigits < -MAX_DECIMALS || v.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "number " + Quote.of(text) + " has more than " + MAX_DECIMALS + " decimal places";
        }
        return null;
    }

    /**
     * A number written plainly (an optional minus, digits, an optional fraction, no exponent) with at most
     * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_DECIMALS} after it: always within
     * bounds, since neither count can grow when the value is normalised.
     */
    static boolean isPlainWithinBounds(String text) {
        int i = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int integer = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
            integer++;
        }
        if (integer == 0 || integer > MAX_INTEGER_DIGITS) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        int fraction = 0;
        i++;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
            fraction++;
        }
        return i == text.length() && fraction >= 1 && fraction <= MAX_DECIMALS;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
