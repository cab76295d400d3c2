package io.rigplane.session.wol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

public class WakeOnLanPacketTest {

    public static byte[] magic(String mac, int extra) {
        byte[] address = HexFormat.of().parseHex(mac.replace(":", ""));
        byte[] packet = new byte[WakeOnLanPacket.LENGTH + extra];
        Arrays.fill(packet, 0, 6, (byte) 0xFF);
        for (int i = 0; i < 16; i++) {
            System.arraycopy(address, 0, packet, 6 + i * 6, 6);
        }
        for (int i = 0; i < extra; i++) {
            packet[WakeOnLanPacket.LENGTH + i] = (byte) (i + 1);
        }
        return packet;
    }

    @Test
    void readsTheMacOfMoonlightsPacket() {
        byte[] packet = magic("bc:24:11:aa:bb:cc", 0);
        assertThat(WakeOnLanPacket.mac(packet, 0, packet.length)).contains("BC:24:11:AA:BB:CC");
    }

    @Test
    void ignoresASecureOnPasswordOfFourOrSixBytes() {
        byte[] four = magic("BC:24:11:AA:BB:CC", 4);
        byte[] six = magic("BC:24:11:AA:BB:CC", 6);
        assertThat(WakeOnLanPacket.mac(four, 0, four.length)).contains("BC:24:11:AA:BB:CC");
        assertThat(WakeOnLanPacket.mac(six, 0, six.length)).contains("BC:24:11:AA:BB:CC");
    }

    @Test
    void refusesAnythingElse() {
        byte[] good = magic("BC:24:11:AA:BB:CC", 0);
        assertThat(WakeOnLanPacket.mac(good, 0, 101)).isEmpty();
        byte[] longer = magic("BC:24:11:AA:BB:CC", 10);
        assertThat(WakeOnLanPacket.mac(longer, 0, longer.length)).isEmpty();
        byte[] header = good.clone();
        header[3] = 0x00;
        assertThat(WakeOnLanPacket.mac(header, 0, header.length)).isEmpty();
        byte[] repeat = good.clone();
        repeat[6 + 15 * 6 + 5] ^= 0x01;
        assertThat(WakeOnLanPacket.mac(repeat, 0, repeat.length)).isEmpty();
        byte[] broadcast = magic("FF:FF:FF:FF:FF:FF", 0);
        assertThat(WakeOnLanPacket.mac(broadcast, 0, broadcast.length)).isEmpty();
        byte[] multicast = magic("01:00:5E:00:00:01", 0);
        assertThat(WakeOnLanPacket.mac(multicast, 0, multicast.length)).isEmpty();
        assertThat(WakeOnLanPacket.mac(new byte[0], 0, 0)).isEmpty();
    }

    @Test
    void readsAtTheDatagramsOffset() {
        byte[] packet = magic("BC:24:11:00:00:01", 0);
        byte[] buffer = new byte[packet.length + 7];
        System.arraycopy(packet, 0, buffer, 7, packet.length);
        assertThat(WakeOnLanPacket.mac(buffer, 7, packet.length)).contains("BC:24:11:00:00:01");
    }

    @Test
    void normalisesMacSpellings() {
        assertThat(WakeOnLanPacket.normalise("bc-24-11-aa-bb-cc")).isEqualTo("BC:24:11:AA:BB:CC");
        assertThat(WakeOnLanTargets.macOf("virtio=bc:24:11:AA:BB:0c,bridge=vmbr0,tag=20")).isEqualTo("BC:24:11:AA:BB:0C");
        assertThat(WakeOnLanTargets.macOf("bridge=vmbr0")).isNull();
    }
}
