package io.rigplane.system.proxy;

import java.util.List;
import org.apache.catalina.util.NetMaskSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trusts forwarded headers from the proxies in {@code rigplane.trusted-proxies}
 * ({@code RIGPLANE_TRUSTED_PROXIES}: addresses and CIDR ranges, comma-separated; empty trusts
 * none). Spring Boot's {@code server.forward-headers-strategy} is refused: its Tomcat valve trusts
 * every private address and its filter every caller.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxiesConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(
            @Value("${rigplane.trusted-proxies:}") String proxies,
            @Value("${server.forward-headers-strategy:none}") String strategy) {
        if (!"none".equalsIgnoreCase(strategy.strip())) {
            throw new IllegalStateException("server.forward-headers-strategy=" + strategy + " trusts forwarded "
                    + "headers from any private address; leave it unset and name your proxies in "
                    + "RIGPLANE_TRUSTED_PROXIES (rigplane.trusted-proxies) instead");
        }
        NetMaskSet trusted = new NetMaskSet();
        List<String> invalid = trusted.addAll(proxies);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("RIGPLANE_TRUSTED_PROXIES (rigplane.trusted-proxies) has entries that "
                    + "are neither addresses nor CIDR ranges: " + invalid);
        }
        return factory -> factory.addEngineValves(new TrustedProxiesValve(trusted));
    }
}
