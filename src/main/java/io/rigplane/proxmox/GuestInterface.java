package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A network interface the guest agent reports ({@code network-get-interfaces}): name, MAC and its
 * addresses, the plain IPv4/IPv6 lists for convenience and {@code addresses} with prefixes.
 */
public record GuestInterface(String name, @Nullable String mac, List<String> ipv4, List<String> ipv6,
        List<IpAddress> addresses, Map<String, Object> extra) {

    /** One address with its type ({@code ipv4}/{@code ipv6}) and prefix length. */
    public record IpAddress(String address, String type, int prefix) {
    }

    static GuestInterface from(Fields f) {
        String name = f.string("name", "");
        String mac = f.string("hardware-address");
        JsonNode list = f.node("ip-addresses");
        List<IpAddress> addresses = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode a : list) {
                Fields af = Fields.of(a);
                Long prefix = af.longValue("prefix");
                addresses.add(new IpAddress(af.string("ip-address", ""), af.string("ip-address-type", ""),
                        prefix == null ? 0 : prefix.intValue()));
            }
        }
        return new GuestInterface(name, mac, of(addresses, "ipv4"), of(addresses, "ipv6"), List.copyOf(addresses),
                f.extra());
    }

    private static List<String> of(List<IpAddress> addresses, String type) {
        return addresses.stream().filter(a -> a.type().equals(type)).map(IpAddress::address).toList();
    }

    /**
     * {@code network-get-interfaces} wraps the agent's answer: {@code {"result": [...]}}, or
     * {@code {"result": {"error": {"class", "desc"}}}} when the agent refused the command.
     */
    static List<GuestInterface> fromAgentAnswer(JsonNode data) {
        JsonNode result = data.isObject() ? data.get("result") : data;
        if (result != null && result.isObject() && result.has("error")) {
            JsonNode error = result.get("error");
            throw new ProxmoxAgentException("the guest agent answered an error: " + error.path("class").asString("")
                    + ": " + error.path("desc").asString(""));
        }
        return result == null ? List.of() : Fields.list(result, GuestInterface::from);
    }
}
