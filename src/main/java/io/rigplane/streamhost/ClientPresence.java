package io.rigplane.streamhost;

/**
 * A thin client as the stream host sees it now.
 *
 * @param paired             the client is paired with the stream host
 * @param connected          it streams right now (Apollo's {@code connected})
 * @param permissionsGranted it may launch apps and send input
 */
public record ClientPresence(boolean paired, boolean connected, boolean permissionsGranted) {

    public static final ClientPresence NOT_PAIRED = new ClientPresence(false, false, false);
}
