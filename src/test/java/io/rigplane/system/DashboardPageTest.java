package io.rigplane.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * A page controller that forgot to say it is one would render without the signed-in user in its
 * layout and accept forms of any number of rows: the page advice is scoped to {@link DashboardPage}.
 */
class DashboardPageTest {

    private final JavaClasses rigplane = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rigplane");

    @Test
    void everyPageControllerIsADashboardPage() {
        classes().that().areAnnotatedWith(Controller.class)
                .should().beAssignableTo(DashboardPage.class)
                .check(rigplane);
    }
}
