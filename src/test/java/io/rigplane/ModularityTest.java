package io.rigplane;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules of docs/architecture: no cycles, and none reaches into another's internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(RigplaneApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }
}
