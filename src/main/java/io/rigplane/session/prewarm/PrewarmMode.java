package io.rigplane.session.prewarm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Off; suggest (learn and show the next warm-up, start nothing); on (start the VM before it is wanted). */
public enum PrewarmMode {
    @JsonProperty("off") OFF, @JsonProperty("suggest") SUGGEST, @JsonProperty("on") ON
}
