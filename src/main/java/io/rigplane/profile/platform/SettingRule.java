package io.rigplane.profile.platform;

import java.util.function.Predicate;

/** A platform default that a profile may override, and what a valid override looks like. */
record SettingRule(String key, Predicate<String> accepts, String expectation) {

    static SettingRule matching(String key, String regex, String expectation) {
        return new SettingRule(key, value -> value.matches(regex), expectation);
    }
}
