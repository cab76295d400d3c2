package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IPv6 addresses as Tomcat reports them, written the way people read them (RFC 5952). */
class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:0:0:0:0:0:0:0, 1::",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0",
        "::1, ::1",
        "127.0.0.1, 127.0.0.1",
        "10.1.2.3, 10.1.2.3",
        "not-an-address, not-an-address",
        "1:2:3, 1:2:3",
        "'::ffff:10.1.2.3', 10.1.2.3"
    })
    void writesIpv6CompactAndLeavesAnythingElseAsItIs(String reported, String shown) {
        assertThat(ClientAddress.compact(reported)).isEqualTo(shown);
    }
}
