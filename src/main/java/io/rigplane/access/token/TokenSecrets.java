package io.rigplane.access.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes bearer tokens. Tokens carry 256 random bits, so a plain SHA-256 is enough
 * to store them (unlike passwords) and lets a request find its token by hash.
 */
public final class TokenSecrets {

    static final String PREFIX = "rgp_";
    /** Device tokens look different, so that a leaked one is recognised as a thin client's. */
    static final String DEVICE_PREFIX = "rgd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String newToken() {
        return PREFIX + randomBits();
    }

    public static String newDeviceToken() {
        return DEVICE_PREFIX + randomBits();
    }

    private static String randomBits() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
