package io.rigplane.proxmox.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a connection test found, step by step: the server answers, its certificate is the pinned one
 * (or chains to the CA bundle), the token is accepted, and the token may read what Rigplane reads.
 * {@code messages} says what failed and how to fix it; it never contains the token secret.
 */
public record ConnectionCheck(String cluster, boolean reachable, boolean certificateMatches, boolean tokenValid,
        boolean permissionsSufficient, @Nullable String version, List<String> messages) {

    public boolean ok() {
        return reachable && certificateMatches && tokenValid && permissionsSufficient;
    }
}
