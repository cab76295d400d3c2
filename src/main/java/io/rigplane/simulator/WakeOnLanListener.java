package io.rigplane.simulator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Listens for real Wake-on-LAN magic packets (6 × 0xFF, then the MAC 16 times) and wakes the
 * offline node whose configured MAC matches, after its boot delay.
 */
final class WakeOnLanListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WakeOnLanListener.class.getName());

    private final DatagramSocket socket;
    private final Thread thread;

    WakeOnLanListener(InetAddress bind, int port, Predicate<String> wake) throws IOException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port));
        thread = new Thread(() -> receive(wake), "pve-sim-wol");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive(Predicate<String> wake) {
        byte[] buf = new byte[1024];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            String mac = magicPacketMac(packet.getData(), packet.getOffset(), packet.getLength());
            if (mac != null) {
                boolean woke = wake.test(mac);
                LOG.log(System.Logger.Level.INFO, "magic packet for " + mac + (woke ? ": waking node" : ": no offline node has this MAC"));
            }
        }
    }

    /** The MAC of a valid magic packet (102 bytes or more, e.g. with a SecureOn password), else null. */
    static String magicPacketMac(byte[] data, int offset, int length) {
        if (length < 102) {
            return null;
        }
        for (int i = 0; i < 6; i++) {
            if (data[offset + i] != (byte) 0xFF) {
                return null;
            }
        }
        for (int rep = 1; rep < 16; rep++) {
            for (int i = 0; i < 6; i++) {
                if (data[offset + 6 + i] != data[offset + 6 + rep * 6 + i]) {
                    return null;
                }
            }
        }
        byte[] mac = new byte[6];
        System.arraycopy(data, offset + 6, mac, 0, 6);
        return HexFormat.ofDelimiter(":").formatHex(mac).toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        socket.close();
    }
}
