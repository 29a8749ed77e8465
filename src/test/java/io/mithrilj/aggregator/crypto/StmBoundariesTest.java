package io.mithrilj.aggregator.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only crypto.stm.bls touches blst or native memory; crypto.stm knows no framework. */
class StmBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mithrilj.aggregator.crypto.stm");

    @Test
    void onlyTheBlsPackageUsesBlstOrForeignMemory() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.mithrilj.aggregator.crypto.stm.bls")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("supranational.blst..", "java.lang.foreign..")
                .check(classes);
    }

    @Test
    void stmDependsOnNoFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..", "com.fasterxml..", "io.vertx..")
                .check(classes);
    }

    @Test
    void stmDependsOnNothingElseOfOurs() {
        noClasses()
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.mithrilj.aggregator..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("io.mithrilj.aggregator.crypto.stm..")))
                .check(classes);
    }
}
