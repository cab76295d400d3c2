package io.rigplane.power.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rigplane.power.*}: how long a woken node may take to answer, how often to look, and the
 * defaults of Rigplane's own magic packet (UDP port 9 to the limited broadcast address).
 */
@ConfigurationProperties("rigplane.power")
public record PowerProperties(@Nullable Duration nodeWakeTimeout, @Nullable Duration nodePollInterval,
        @Nullable Integer wakeOnLanPort, @Nullable String wakeOnLanBroadcast,
        @Nullable List<String> wakeOnLanAllowedBroadcasts) {

    public PowerProperties {
        nodeWakeTimeout = nodeWakeTimeout == null ? Duration.ofMinutes(5) : nodeWakeTimeout;
        nodePollInterval = nodePollInterval == null ? Duration.ofMillis(500) : nodePollInterval;
        wakeOnLanPort = wakeOnLanPort == null ? 9 : wakeOnLanPort;
        wakeOnLanBroadcast = wakeOnLanBroadcast == null ? "255.255.255.255" : wakeOnLanBroadcast;
        // beyond the private ranges, which a node's broadcast address may be set to (BroadcastRule)
        wakeOnLanAllowedBroadcasts = wakeOnLanAllowedBroadcasts == null ? List.of()
                : List.copyOf(wakeOnLanAllowedBroadcasts);
    }
}
