package io.rigplane.system;

import org.jspecify.annotations.Nullable;

/**
 * The NUL character (U+0000): PostgreSQL cannot store it in text, and no name, description or
 * filter needs it, so every request carrying one is refused before it reaches the database.
 */
public final class NulCharacter {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacter() {
    }

    public static boolean in(@Nullable String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The text as it can be shown in an error: the NUL written as {@code \u0000}. */
    public static String shown(String text) {
        return text.replace("\u0000", "\\u0000");
    }
}
