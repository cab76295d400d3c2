package io.rigplane.session.internal;

import io.rigplane.streamhost.ConnectionOffer;

/** The stream host's offer, as a session hands it to its client. */
final class Connections {

    private Connections() {
    }

    static StreamSession.Connection of(ConnectionOffer offer) {
        return new StreamSession.Connection(offer.host(), offer.port(), offer.ports(), offer.app(),
                offer.artemisLink(), offer.pairingRequired(), offer.pin(), offer.pinExpiresAt(), offer.moonlight());
    }
}
