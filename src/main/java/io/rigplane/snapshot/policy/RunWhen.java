package io.rigplane.snapshot.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a policy snapshots a stopped VM too. */
public enum RunWhen {
    @JsonProperty("always") ALWAYS,
    @JsonProperty("only-when-running") ONLY_WHEN_RUNNING;

    public String json() {
        return this == ALWAYS ? "always" : "only-when-running";
    }
}
