package io.rigplane.session.wol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The source networks a magic packet may come from, as CIDR blocks (IPv4 and IPv6). */
final class WakeOnLanNetworks {

    /** Private ranges, loopback and link-local: addresses that only exist on the LAN. */
    static final List<String> DEFAULT = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
            "169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10");

    private final List<Block> blocks;

    private WakeOnLanNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses a CIDR list; a wrong entry stops the start with a message that names it. */
    static WakeOnLanNetworks of(List<String> cidrs) {
        return new WakeOnLanNetworks(cidrs.stream().map(String::strip).filter(cidr -> !cidr.isEmpty())
                .map(Block::parse).toList());
    }

    boolean allows(InetAddress source) {
        byte[] address = source.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                // InetAddress would otherwise resolve a name through DNS
                throw invalid(cidr);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw invalid(cidr);
                }
                return new Block(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw invalid(cidr);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        private static IllegalArgumentException invalid(String cidr) {
            return new IllegalArgumentException("rigplane.sessions.wol-allowed-networks: '" + cidr
                    + "' is not a CIDR block such as 192.168.1.0/24");
        }
    }
}
