package io.rigplane.system;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** If-Match and If-None-Match against a strong ETag, as RFC 9110 compares them. */
public final class ETags {

    private ETags() {
    }

    /** True when there is no If-Match, it is {@code *}, or it lists the current ETag. */
    public static boolean ifMatch(@Nullable String header, String current) {
        return header == null || header.isBlank() || header.trim().equals("*") || lists(header, current);
    }

    public static boolean ifNoneMatch(@Nullable String header, String current) {
        return header != null && (header.trim().equals("*") || lists(header, current)
                || lists(header, "W/" + current));
    }

    private static boolean lists(String header, String etag) {
        return Arrays.stream(header.split(",")).map(String::trim).anyMatch(etag::equals);
    }
}
