package io.rigplane.streamhost.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.GuestInterface;
import io.rigplane.support.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The address a thin client can reach, from guest-agent answers of real guests and of the simulator. */
class GuestAddressesTest {

    private static final String SAMPLES = "proxmox/samples/";

    @Test
    void realGuestsGiveTheirLanAddressNotLoopbackOrLinkLocal() {
        assertThat(GuestAddresses.reachable(interfaces(ReferenceData.read(
                SAMPLES + "issues/proxmox-api-go-pr39_GET_agent_network-get-interfaces.json"))))
                .contains("192.168.0.123");
        assertThat(GuestAddresses.reachable(interfaces(ReferenceData.read(
                SAMPLES + "community.proxmox/inventory_pve6.2/GET_qemu_101_agent_network-get-interfaces.json"))))
                .contains("10.1.2.3");
        assertThat(GuestAddresses.reachable(interfaces(ReferenceData.read(
                SAMPLES + "community.proxmox/inventory_pve6.2/GET_qemu_103_agent_network-get-interfaces.json"))))
                .contains("172.16.0.143");
    }

    @Test
    void anAgentErrorOrNoInterfacesGiveNoAddress() {
        assertThat(GuestAddresses.reachable(interfaces(ReferenceData.read(
                SAMPLES + "community.proxmox/inventory_pve6.2/GET_qemu_102_agent_network-get-interfaces__agent_error.json"))))
                .isEmpty();
    }

    @Test
    void aWindowsGuestStillGettingItsLeaseHasNoReachableAddressYet() {
        List<GuestInterface> booting = List.of(
                nic("Loopback Pseudo-Interface 1", "127.0.0.1", "::1"),
                nic("Ethernet", "169.254.12.7", "fe80::be24:11ff:fe00:64"));
        assertThat(GuestAddresses.reachable(booting)).isEmpty();

        List<GuestInterface> leased = List.of(
                nic("Loopback Pseudo-Interface 1", "127.0.0.1", "::1"),
                nic("Ethernet", "192.168.1.50", "fe80::be24:11ff:fe00:64"));
        assertThat(GuestAddresses.reachable(leased)).contains("192.168.1.50");
    }

    @Test
    void anIpv6OnlyGuestGivesItsGlobalAddress() {
        assertThat(GuestAddresses.reachable(List.of(nic("Ethernet", "fe80::1", "2001:db8::50"))))
                .contains("2001:db8::50");
    }

    @Test
    void theSimulatorsOwnLoopbackAddressPerGuestIsKept() {
        List<GuestInterface> simulated = List.of(
                nic("Loopback Pseudo-Interface 1", "127.0.0.1", "::1"),
                nic("Ethernet", "127.42.0.100", "fe80::be24:11ff:fe00:64"));
        assertThat(GuestAddresses.reachable(simulated)).contains("127.42.0.100");
    }

    private static GuestInterface nic(String name, String... addresses) {
        List<GuestInterface.IpAddress> all = new ArrayList<>();
        for (String a : addresses) {
            all.add(new GuestInterface.IpAddress(a, a.contains(":") ? "ipv6" : "ipv4", a.contains(":") ? 64 : 24));
        }
        return new GuestInterface(name, "bc:24:11:00:00:64",
                all.stream().filter(a -> a.type().equals("ipv4")).map(GuestInterface.IpAddress::address).toList(),
                all.stream().filter(a -> a.type().equals("ipv6")).map(GuestInterface.IpAddress::address).toList(),
                all, Map.of());
    }

    /** The agent's answer as the Proxmox client parses it: with or without the data envelope. */
    static List<GuestInterface> interfaces(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        JsonNode result = root.has("data") ? root.get("data").get("result") : root.get("result");
        List<GuestInterface> out = new ArrayList<>();
        if (result == null || !result.isArray()) {
            return out;
        }
        for (JsonNode i : result) {
            List<GuestInterface.IpAddress> all = new ArrayList<>();
            for (JsonNode a : i.path("ip-addresses")) {
                all.add(new GuestInterface.IpAddress(a.path("ip-address").asString(), a.path("ip-address-type").asString(),
                        a.path("prefix").asInt()));
            }
            out.add(new GuestInterface(i.path("name").asString(), i.path("hardware-address").asString(null),
                    all.stream().filter(a -> a.type().equals("ipv4")).map(GuestInterface.IpAddress::address).toList(),
                    all.stream().filter(a -> a.type().equals("ipv6")).map(GuestInterface.IpAddress::address).toList(),
                    all, Map.of()));
        }
        return out;
    }
}
