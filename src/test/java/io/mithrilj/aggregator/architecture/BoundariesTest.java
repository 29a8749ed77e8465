package io.mithrilj.aggregator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries of STYLE.md, checked on the compiled production classes. */
class BoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mithrilj.aggregator");
    }

    @Test
    void cryptoKnowsNothingOfOursNorAnyFramework() {
        noClasses()
                .that()
                .resideInAPackage("..aggregator.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.mithrilj.aggregator.protocol..",
                        "io.mithrilj.aggregator.certificate..",
                        "io.mithrilj.aggregator.api..",
                        "io.mithrilj.aggregator.persistence..",
                        "io.mithrilj.aggregator.config..",
                        "io.mithrilj.aggregator.cli..",
                        "io.quarkus..",
                        "jakarta..",
                        "io.vertx..",
                        "io.smallrye..",
                        "org.hibernate..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void protocolDependsOnlyOnCrypto() {
        noClasses()
                .that()
                .resideInAPackage("..aggregator.protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.mithrilj.aggregator.certificate..",
                        "io.mithrilj.aggregator.api..",
                        "io.mithrilj.aggregator.persistence..",
                        "io.mithrilj.aggregator.config..",
                        "io.mithrilj.aggregator.cli..",
                        "io.mithrilj.aggregator.metrics..",
                        "io.quarkus..",
                        "jakarta..",
                        "io.vertx..",
                        "io.smallrye..",
                        "org.hibernate..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheBlsPackageTouchesBlstAndNativeMemory() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..aggregator.crypto.stm.bls..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("supranational.blst..", "java.lang.foreign..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void apiAndConsoleNeverTouchPersistence() {
        noClasses()
                .that()
                .resideInAnyPackage("..aggregator.api..", "..aggregator.console..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mithrilj.aggregator.persistence..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
