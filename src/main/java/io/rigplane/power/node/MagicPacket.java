package io.rigplane.power.node;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HexFormat;

/** The Wake-on-LAN magic packet: 6 bytes 0xFF, then the 6-byte MAC 16 times (102 bytes). */
public final class MagicPacket {

    public static final String MAC = "^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$";

    private MagicPacket() {
    }

    static byte[] of(String mac) {
        byte[] address = HexFormat.of().parseHex(mac.replaceAll("[:-]", ""));
        byte[] packet = new byte[6 + 16 * 6];
        for (int i = 0; i < 6; i++) {
            packet[i] = (byte) 0xFF;
        }
        for (int i = 0; i < 16; i++) {
            System.arraycopy(address, 0, packet, 6 + i * 6, 6);
        }
        return packet;
    }

    static void send(String mac, String broadcast, int port) throws IOException {
        byte[] packet = of(mac);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getByName(broadcast), port));
        }
    }
}
