package io.rigplane.access;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Hides secrets in text bound for logs: anything shaped like a Rigplane token, and every secret
 * value registered here (those {@link SecretBox} opened, and those read from the environment).
 * Static, because Logback makes its converters itself, outside the Spring context.
 */
public final class SecretMask {

    /** Marks the one log line that must show a secret: a generated first-start credential. */
    public static final Marker REVEAL_ONCE = MarkerFactory.getMarker("REVEAL_ONCE");
    static final String MASK = "****";
    /** Shorter values would mask ordinary words; no real secret is that short. */
    private static final int MIN_REGISTERED = 8;
    private static final Pattern TOKEN = Pattern.compile("rgp_[A-Za-z0-9_-]{4,}");
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private SecretMask() {
    }

    /** Registers a secret value so it never shows in a log line. */
    public static void register(@org.jspecify.annotations.Nullable String secret) {
        if (secret != null && secret.length() >= MIN_REGISTERED) {
            REGISTERED.add(secret);
        }
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text.contains("rgp_") ? TOKEN.matcher(text).replaceAll("rgp_" + MASK) : text;
        if (!REGISTERED.isEmpty()) {
            // longest first, so a secret that contains another is hidden whole
            List<String> secrets = REGISTERED.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String secret : secrets) {
                if (masked.contains(secret)) {
                    masked = masked.replace(secret, MASK);
                }
            }
        }
        return masked;
    }
}
