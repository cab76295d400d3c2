package io.rigplane.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a test's input from outside the repository is missing (Chromium, the shared
 * reference data): under CI (environment variable {@code CI} set, as CI services and .ci/run set
 * it) the test fails, so a green CI run has run every test; elsewhere, a laptop without the
 * input, it is skipped with the reason.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Fails (under CI) or skips (elsewhere) the running test; never returns. */
    public static void missing(String what) {
        missing(what, underCi());
    }

    static void missing(String what, boolean underCi) {
        if (underCi) {
            Assertions.fail(what + " is missing and CI is set: CI must run every test, none may skip");
        }
        Assumptions.abort(what + " is missing: skipped here (under CI this test fails instead)");
    }
}
