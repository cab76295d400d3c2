package io.rigplane.streamhost.readiness;

import io.rigplane.proxmox.GuestInterface;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the address a thin client can reach from what the guest agent reports. A Windows guest
 * lists its "Loopback Pseudo-Interface 1" (127.0.0.1, ::1) and often APIPA (169.254/16) and fe80::
 * addresses; none of them is reachable from another machine. Other 127/8 addresses are kept, since
 * the simulator gives each guest one of those on purpose, and no real guest reports them on a NIC.
 */
final class GuestAddresses {

    private GuestAddresses() {
    }

    static Optional<String> reachable(List<GuestInterface> interfaces) {
        Optional<String> ipv4 = interfaces.stream().filter(i -> !isLoopbackInterface(i))
                .flatMap(i -> i.ipv4().stream()).filter(GuestAddresses::usableIpv4).findFirst();
        if (ipv4.isPresent()) {
            return ipv4;
        }
        return interfaces.stream().filter(i -> !isLoopbackInterface(i))
                .flatMap(i -> i.ipv6().stream()).filter(GuestAddresses::usableIpv6).findFirst();
    }

    private static boolean isLoopbackInterface(GuestInterface i) {
        String name = i.name().toLowerCase(Locale.ROOT);
        return name.equals("lo") || name.startsWith("loopback");
    }

    static boolean usableIpv4(String address) {
        return !address.isBlank() && !address.equals("127.0.0.1") && !address.startsWith("169.254.")
                && !address.equals("0.0.0.0");
    }

    static boolean usableIpv6(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return !a.isBlank() && !a.equals("::1") && !a.startsWith("fe8") && !a.startsWith("fe9")
                && !a.startsWith("fea") && !a.startsWith("feb") && !a.equals("::");
    }
}
