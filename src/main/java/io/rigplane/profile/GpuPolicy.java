package io.rigplane.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What starting a profile does when another profile's VM holds the same GPU. */
public enum GpuPolicy {
    /** Refuse the start with a conflict naming the holder. */
    @JsonProperty("refuse") REFUSE,
    /** Shut the holder down gracefully, then start. */
    @JsonProperty("preempt") PREEMPT
}
