package io.rigplane.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing test input fails the test under CI and only skips it elsewhere. */
class PrerequisitesTest {

    @Test
    void underCiAMissingInputFailsTheTest() {
        assertThatThrownBy(() -> Prerequisites.missing("Chromium", true)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Chromium is missing and CI is set");
    }

    @Test
    void elsewhereItIsSkippedWithTheReason() {
        assertThatThrownBy(() -> Prerequisites.missing("Chromium", false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Chromium is missing: skipped here");
    }
}
