package io.rigplane.streamhost;

import io.rigplane.streamhost.readiness.StreamHostPorts;
import org.jspecify.annotations.Nullable;

/**
 * A stream host that answered {@code /serverinfo}: where it listens and who it says it is.
 *
 * @param address   the guest's address, as the guest agent reported it
 * @param httpPort  GameStream HTTP port (47989 unless Apollo's port was moved); the others are offsets of it
 * @param hostName  Apollo's host name (the name Moonlight shows), trimmed
 * @param uniqueId  Apollo's host uuid (Artemis's {@code host_uuid}); empty when the host reports none
 * @param appVersion the GameStream version it reports, if any
 * @param mac       the MAC it reports, if any
 */
public record ReadyStreamHost(String address, int httpPort, String hostName, String uniqueId,
        @Nullable String appVersion, @Nullable String mac) {

    /** {@code address:port}, with brackets around an IPv6 address. */
    public String authority() {
        return StreamHostPorts.authority(address, httpPort);
    }
}
