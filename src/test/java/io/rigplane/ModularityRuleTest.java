package io.rigplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import fixture.modules.FixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The check that {@link ModularityTest} runs on Rigplane, run on a fixture that breaks both rules:
 * it must name each break, or the passing check on Rigplane would prove nothing.
 */
class ModularityRuleTest {

    private final Violations violations = ApplicationModules
            .of(FixtureApplication.class, new ImportOption.OnlyIncludeTests())
            .detectViolations();

    @Test
    void aModuleReachingPastAnothersApiFails() {
        assertThat(violations.getMessages())
                .anySatisfy(message -> assertThat(message).contains("Module 'billing' depends on module 'catalog'")
                        .contains("Invoice -> fixture.modules.catalog.internal.PriceTable"));
    }

    @Test
    void aDependencyTheModuleDoesNotAllowFails() {
        assertThat(violations.getMessages())
                .anySatisfy(message -> assertThat(message).contains("Module 'shipping' depends on module 'billing'")
                        .contains("Allowed targets: catalog"));
    }

    @Test
    void whatTheModulesAllowPasses() {
        assertThat(violations.getMessages())
                .hasSize(2)
                .noneSatisfy(message -> assertThat(message).contains("-> fixture.modules.catalog.Catalog"));
    }
}
