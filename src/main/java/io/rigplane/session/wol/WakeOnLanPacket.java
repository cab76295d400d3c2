package io.rigplane.session.wol;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the MAC out of a Wake-on-LAN magic packet: 6 × 0xFF, then the same MAC 16 times (102
 * bytes). A SecureOn password (4 or 6 more bytes) is accepted and ignored: Moonlight and Artemis
 * never send one, and the listener's gate is the source network and the rate limit instead.
 */
final class WakeOnLanPacket {

    static final int LENGTH = 6 + 16 * 6;

    private WakeOnLanPacket() {
    }

    /** The MAC as {@code AA:BB:CC:DD:EE:FF}, or empty for anything that is not a magic packet. */
    static Optional<String> mac(byte[] data, int offset, int length) {
        if (length != LENGTH && length != LENGTH + 4 && length != LENGTH + 6) {
            return Optional.empty();
        }
        for (int i = 0; i < 6; i++) {
            if (data[offset + i] != (byte) 0xFF) {
                return Optional.empty();
            }
        }
        for (int repeat = 1; repeat < 16; repeat++) {
            for (int i = 0; i < 6; i++) {
                if (data[offset + 6 + i] != data[offset + 6 + repeat * 6 + i]) {
                    return Optional.empty();
                }
            }
        }
        // a group address (broadcast or multicast) is never a VM's network card
        if ((data[offset + 6] & 0x01) != 0) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.ofDelimiter(":").withUpperCase().formatHex(data, offset + 6, offset + 12));
    }

    /** A MAC in Proxmox's or any common spelling, normalised to upper case with colons. */
    static String normalise(String mac) {
        String hex = mac.replaceAll("[:\\-.]", "").toUpperCase(Locale.ROOT);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
