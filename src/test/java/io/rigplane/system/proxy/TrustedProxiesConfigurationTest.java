package io.rigplane.system.proxy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Boot's forwarded-header strategies trust too much; naming proxies wrongly is a start-up error. */
class TrustedProxiesConfigurationTest {

    private final TrustedProxiesConfiguration configuration = new TrustedProxiesConfiguration();

    @Test
    void bootsForwardHeadersStrategiesAreRefused() {
        assertThatThrownBy(() -> configuration.trustedProxies("", "native"))
                .hasMessageContaining("RIGPLANE_TRUSTED_PROXIES");
        assertThatThrownBy(() -> configuration.trustedProxies("10.0.0.1", "framework"))
                .hasMessageContaining("RIGPLANE_TRUSTED_PROXIES");
    }

    @Test
    void entriesThatAreNoAddressesAreRefused() {
        assertThatThrownBy(() -> configuration.trustedProxies("10.0.0.0/8, proxy.example", "none"))
                .hasMessageContaining("proxy.example");
    }
}
