package io.rigplane.system;

import java.net.URI;

/** The stable {@code type} URIs of Rigplane's problem responses; scripts may switch on them. */
public final class ProblemTypes {

    public static final String BASE = "https://rigplane.io/problems/";

    private ProblemTypes() {
    }

    public static URI of(String kind) {
        return URI.create(BASE + kind);
    }
}
