package io.rigplane.session.wol;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rigplane.sessions.wol-*}: the Wake-on-LAN listener's UDP ports ({@code RIGPLANE_WOL_PORTS};
 * empty turns it off, 0 picks a free port), bind address, the source networks it accepts, one wake
 * per MAC per {@code wolMacInterval}, at most {@code wolSourceMaxWakes} wakes per source address
 * per {@code wolSourceWindow}, and how long a MAC read from Proxmox is trusted.
 */
@ConfigurationProperties("rigplane.sessions")
record WakeOnLanProperties(@Nullable List<Integer> wolPorts, @Nullable String wolBind,
        @Nullable List<String> wolAllowedNetworks, @Nullable Duration wolMacInterval,
        @Nullable Integer wolSourceMaxWakes, @Nullable Duration wolSourceWindow, @Nullable Duration wolMacCache) {

    WakeOnLanProperties {
        wolPorts = wolPorts == null ? List.of(9, 47009) : List.copyOf(wolPorts);
        wolBind = wolBind == null || wolBind.isBlank() ? "0.0.0.0" : wolBind;
        wolAllowedNetworks = wolAllowedNetworks == null ? WakeOnLanNetworks.DEFAULT : List.copyOf(wolAllowedNetworks);
        wolMacInterval = wolMacInterval == null ? Duration.ofSeconds(30) : wolMacInterval;
        wolSourceMaxWakes = wolSourceMaxWakes == null ? 5 : wolSourceMaxWakes;
        wolSourceWindow = wolSourceWindow == null ? Duration.ofMinutes(1) : wolSourceWindow;
        wolMacCache = wolMacCache == null ? Duration.ofMinutes(10) : wolMacCache;
    }
}
