package io.rigplane.streamhost;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a thin client needs to connect to a ready stream host.
 *
 * @param host            the address to connect to
 * @param port            GameStream HTTP port (Moonlight's "host:port")
 * @param ports           every port of the stream host: https, http, web, rtsp, video, control, audio
 * @param app             the app to start
 * @param artemisLink     one tap in Artemis: {@code art://HOST:PORT?pin=…&passphrase=…&name=…} to pair, or
 *                        {@code art://launch?…} once paired; null for Sunshine, which has no one-time codes
 * @param pairingRequired whether the client must pair first (with {@code pin})
 * @param pin             Apollo's one-time pairing code, when pairing is required
 * @param pinExpiresAt    when that code stops working (Apollo keeps it 3 minutes)
 * @param moonlight       instructions for Moonlight, which has no link scheme
 */
public record ConnectionOffer(String host, int port, Map<String, Integer> ports, String app,
        @Nullable String artemisLink, boolean pairingRequired, @Nullable String pin, @Nullable Instant pinExpiresAt,
        String moonlight) {
}
