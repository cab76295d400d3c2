package io.rigplane.streamhost.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which Apollo login a profile without its own uses: the environment's, the demo simulator's, or none. */
class DefaultCredentialsTest {

    @Test
    void theEnvironmentsLoginWinsAndItsPasswordIsNeverPrinted() {
        DefaultCredentials defaults = new DefaultCredentials(new ApolloProperties("apollo-admin", "s3cret-from-env"),
                new MockEnvironment().withProperty("rigplane.proxmox.url", "https://pve.lan:8006"));
        assertThat(defaults.source()).isEqualTo("environment");
        assertThat(defaults.get()).contains(new ApolloCredentials("apollo-admin", "s3cret-from-env"));
        assertThat(defaults.get().orElseThrow().toString()).doesNotContain("s3cret-from-env");
    }

    @Test
    void demoModeLogsInAsTheSimulatorsAdmin() {
        DefaultCredentials defaults = new DefaultCredentials(new ApolloProperties(null, null), new MockEnvironment());
        assertThat(defaults.source()).isEqualTo("demo");
        assertThat(defaults.get()).contains(new ApolloCredentials("admin", "admin"));
    }

    @Test
    void aRealClusterWithoutAnApolloLoginHasNone() {
        assertThat(new DefaultCredentials(new ApolloProperties("apollo-admin", " "),
                new MockEnvironment().withProperty("rigplane.proxmox.url", "https://pve.lan:8006")).get()).isEmpty();
        assertThat(new DefaultCredentials(new ApolloProperties(null, null),
                new MockEnvironment().withProperty("rigplane.proxmox.clusters.home.url", "https://pve.lan:8006"))
                .source()).isEqualTo("none");
    }
}
