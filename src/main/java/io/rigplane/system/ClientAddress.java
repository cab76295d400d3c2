package io.rigplane.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv6 address as people write it (RFC 5952): lower case, no leading zeros, the longest run of
 * zero groups as {@code ::}. Tomcat reports IPv6 clients in the long form, so the loopback reads
 * {@code 0:0:0:0:0:0:0:1} instead of {@code ::1}. Anything else (IPv4, text that is no address)
 * stays as it is.
 */
public final class ClientAddress {

    /** Only an IPv6 literal, perhaps with a zone: never a name, which would be looked up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z_.-]{1,32})?");

    private ClientAddress() {
    }

    public static String compact(String address) {
        if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
            return address;
        }
        int zone = address.indexOf('%');
        String literal = zone < 0 ? address : address.substring(0, zone);
        InetAddress parsed;
        try {
            // an IPv6 literal is parsed, never resolved; an invalid one throws
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
        String compact = parsed instanceof Inet6Address ? groups(parsed.getAddress()) : parsed.getHostAddress();
        return zone < 0 ? compact : compact + address.substring(zone);
    }

    private static String groups(byte[] bytes) {
        int[] group = new int[8];
        for (int i = 0; i < 8; i++) {
            group[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // the first longest run of two or more zero groups becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && group[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group[i]));
        }
        return text.toString();
    }
}
