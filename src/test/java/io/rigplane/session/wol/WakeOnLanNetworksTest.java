package io.rigplane.session.wol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeOnLanNetworksTest {

    @Test
    void theDefaultAcceptsTheLanAndRefusesTheInternet() throws Exception {
        WakeOnLanNetworks lan = WakeOnLanNetworks.of(WakeOnLanNetworks.DEFAULT);
        for (String inside : List.of("192.168.1.20", "10.1.2.3", "172.31.255.1", "127.0.0.1", "::1", "fd00::5",
                "fe80::1")) {
            assertThat(lan.allows(InetAddress.getByName(inside))).as(inside).isTrue();
        }
        for (String outside : List.of("8.8.8.8", "172.32.0.1", "192.169.0.1", "2001:db8::1", "11.0.0.1")) {
            assertThat(lan.allows(InetAddress.getByName(outside))).as(outside).isFalse();
        }
    }

    @Test
    void prefixesThatDoNotEndOnAByte() throws Exception {
        WakeOnLanNetworks one = WakeOnLanNetworks.of(List.of("192.168.1.64/27", " ", "10.0.0.7"));
        assertThat(one.allows(InetAddress.getByName("192.168.1.64"))).isTrue();
        assertThat(one.allows(InetAddress.getByName("192.168.1.95"))).isTrue();
        assertThat(one.allows(InetAddress.getByName("192.168.1.96"))).isFalse();
        assertThat(one.allows(InetAddress.getByName("192.168.1.63"))).isFalse();
        assertThat(one.allows(InetAddress.getByName("10.0.0.7"))).isTrue();
        assertThat(one.allows(InetAddress.getByName("10.0.0.8"))).isFalse();
        assertThat(WakeOnLanNetworks.of(List.of()).allows(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void aWrongEntryIsNamed() {
        for (String wrong : List.of("192.168.1.0/33", "localhost", "10.0.0.0/x", "::/129")) {
            assertThatThrownBy(() -> WakeOnLanNetworks.of(List.of(wrong)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wrong);
        }
    }
}
