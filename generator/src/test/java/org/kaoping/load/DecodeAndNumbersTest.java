package org.kaoping.load;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load path's two shortcuts against the long ways they replace: decoding with the JDK's lenient decoder
 * (strict only when U+FFFD appears) and accepting plainly written numbers without making a BigDecimal.
 */
class DecodeAndNumbersTest {
    private static final Path FILE = Path.of("t.json");

    /** Text or refusal exactly as the strict decoder gives, byte order mark dropped, over seeded byte strings. */
    @Test
    void decodeAgreesWithTheStrictDecoder() throws Exception {
        Random random = new Random(20261201L);
        int refused = 0;
        int withReplacement = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = bytes(random);
            String strict;
            try {
                strict = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                strict = null;
            }
            if (strict == null) {
                refused++;
                LoadException e = assertThrows(LoadException.class, () -> JsonSource.decode(FILE, bytes));
                assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
            } else {
                if (strict.indexOf('\uFFFD') >= 0) {
                    withReplacement++;
                }
                String expected = strict.startsWith("\uFEFF") ? strict.substring(1) : strict;
                assertEquals(expected, JsonSource.decode(FILE, bytes));
            }
        }
        // Both kinds were generated, and valid texts that hold U+FFFD themselves.
        assertTrue(refused > 1_000 && refused < 19_000, "refused " + refused);
        assertTrue(withReplacement > 100, "valid texts with U+FFFD " + withReplacement);
    }

    private static byte[] bytes(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('\uFEFF');
        }
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (' ' + random.nextInt(95)));
                case 1 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> text.append('\uFFFD');
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x1000));
                default -> text.append("考评");
            }
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean() && utf8.length > 0) {
            // Break it: a random byte anywhere (a stray continuation, a truncated sequence, an overlong lead...).
            utf8[random.nextInt(utf8.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return utf8;
    }

    /** Whatever the shortcut accepts, the full check accepts; and numberProblem always says what the full check says. */
    @Test
    void plainNumbersShortcutAgreesWithTheFullCheck() {
        Random random = new Random(7L);
        int shortcut = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = number(random);
            if (TextRules.isPlainWithinBounds(text)) {
                shortcut++;
                assertNull(TextRules.boundsProblem(text), text);
            }
            assertEquals(TextRules.boundsProblem(text), TextRules.numberProblem(text), text);
        }
        assertTrue(shortcut > 50_000 && shortcut < 190_000, "shortcut taken " + shortcut);
        assertTrue(TextRules.isPlainWithinBounds("123456789.123456"));
        assertTrue(TextRules.isPlainWithinBounds("-0.5"));
        assertEquals(false, TextRules.isPlainWithinBounds("1234567890"));
        assertEquals(false, TextRules.isPlainWithinBounds("1.1234567"));
        assertEquals(false, TextRules.isPlainWithinBounds("1e3"));
        assertEquals(false, TextRules.isPlainWithinBounds("1."));
        assertEquals(false, TextRules.isPlainWithinBounds("-"));
    }

    /** Numbers as JSON writes them, and a few it doesn't: around the bounds on both sides. */
    private static String number(Random random) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) == 0) {
            s.append('-');
        }
        int integer = random.nextInt(12);
        for (int i = 0; i < integer; i++) {
            s.append((char) ('0' + (i == 0 && random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
        }
        if (integer == 0) {
            s.append('0');
        }
        if (random.nextBoolean()) {
            s.append('.');
            int fraction = random.nextInt(9);
            for (int i = 0; i < fraction; i++) {
                s.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
        }
        if (random.nextInt(8) == 0) {
            s.append(random.nextBoolean() ? "e" : "E").append(random.nextBoolean() ? "-" : "").append(random.nextInt(12));
        }
        return s.toString();
    }
}
