package io.rigplane.power.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses a node's magic packet may be sent to. A magic packet belongs on the node's own
 * LAN: the limited broadcast address, or an address in a private range (RFC 1918, link-local,
 * IPv6 unique-local and link-local). Anything else, a public address above all, is taken only
 * when the operator lists its range in {@code rigplane.power.wake-on-lan-allowed-broadcasts};
 * otherwise an admin could aim Rigplane's packets at anyone on the internet. Host names are
 * refused: they would be looked up at send time and could then point anywhere.
 */
public final class BroadcastRule {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "255.255.255.255/32", "fc00::/7", "fe80::/10", "ff02::/16");

    private final List<Range> allowed = new ArrayList<>();

    /** @param operatorAllowed further ranges (address or CIDR) the operator allows */
    public BroadcastRule(List<String> operatorAllowed) {
        for (String range : PRIVATE) {
            allowed.add(Range.parse(range));
        }
        for (String range : operatorAllowed) {
            if (!range.isBlank()) {
                allowed.add(Range.parse(range.strip()));
            }
        }
    }

    /** Why the address is refused, or null when it may be used. */
    public @Nullable String refusal(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return "must be an IP address (host names are not taken)";
        }
        if (allowed.stream().noneMatch(range -> range.contains(parsed))) {
            return "must be the limited broadcast address (255.255.255.255) or a private address of the node's "
                    + "network; other ranges must be allowed in rigplane.power.wake-on-lan-allowed-broadcasts";
        }
        return null;
    }

    private static @Nullable InetAddress literal(String address) {
        if (!IPV4.matcher(address).matches() && !(address.contains(":") && IPV6.matcher(address).matches())) {
            return null;
        }
        try {
            // a literal is parsed, never looked up
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address or CIDR range: " + cidr);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Not an address or CIDR range: " + cidr);
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
