package io.rigplane.session.signin;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code a person reads off the TV and types: 8 letters from RFC 8628's suggested set of
 * 20 consonants (no vowels, so no words; no I, O, 0 or 1 to confuse), about 34 bits, shown as
 * {@code XXXX-XXXX}. Typing is forgiving: case, spaces and dashes do not matter.
 */
record UserCode(String value) {

    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    static UserCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new UserCode(code.toString());
    }

    /** The code a person typed, when it can be one. */
    static Optional<UserCode> parse(String typed) {
        if (typed.length() > 32) {
            return Optional.empty();
        }
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (letters.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : letters.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new UserCode(letters));
    }

    /** As shown on the TV and in links: {@code BDFG-HJKL}. */
    String display() {
        return value.substring(0, LENGTH / 2) + "-" + value.substring(LENGTH / 2);
    }
}
