package io.mithrilj.aggregator.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The REST layer reaches the stores only through the service layer. */
class ApiLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mithrilj.aggregator");

    @Test
    void apiDoesNotUsePersistence() {
        noClasses()
                .that()
                .resideInAPackage("io.mithrilj.aggregator.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mithrilj.aggregator.persistence..")
                .check(classes);
    }

    @Test
    void servicesAndMessagesDoNotUseTheApi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.mithrilj.aggregator.service..",
                        "io.mithrilj.aggregator.message..",
                        "io.mithrilj.aggregator.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mithrilj.aggregator.api..")
                .check(classes);
    }
}
