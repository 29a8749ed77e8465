package io.mithrilj.aggregator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layers of STYLE.md as allow-lists, checked on the compiled production classes: for each package of
 * ours, the packages of ours and the third-party roots it may use (the JDK is allowed everywhere, except the
 * foreign-memory API). Every package in the code must have an entry, so a new package is declared here, in
 * one line. Only {@code cli} may use {@code cli}: no other entry lists it.
 */
class ArchitectureTest {

    private static final String ROOT = "io.mithrilj.aggregator";

    // third-party roots, by what they are
    private static final Set<String> BOUNCY_CASTLE = Set.of("org.bouncycastle");
    private static final Set<String> BLST = Set.of("supranational.blst");
    private static final Set<String> JACKSON = Set.of("com.fasterxml.jackson");
    // the streaming parser alone (no databind): the crypto codecs' one JSON reader (docs/benchmarks.md)
    private static final Set<String> JACKSON_CORE = Set.of("com.fasterxml.jackson.core");
    private static final Set<String> QUARKUS = Set.of(
            "io.quarkus",
            "io.smallrye",
            "io.vertx",
            "jakarta",
            "org.eclipse.microprofile",
            "org.jboss",
            "io.micrometer");
    private static final Set<String> STORAGE = Set.of("org.flywaydb", "io.zonky", "org.postgresql");
    private static final Set<String> CRYPTO =
            Set.of("crypto", "crypto.ed25519", "crypto.kes", "crypto.mktree", "crypto.stm");

    /** A package's allowances: packages of ours (relative to {@value #ROOT}) and third-party roots. */
    record Allowed(Set<String> ours, Set<String> thirdParty) {
        static final Allowed EVERYTHING = new Allowed(Set.of("*"), Set.of("*"));

        static Allowed uses(Set<String> base, String... packages) {
            return new Allowed(Stream.concat(base.stream(), Stream.of(packages)).collect(Collectors.toSet()), Set.of());
        }

        static Allowed uses(String... packages) {
            return uses(Set.of(), packages);
        }

        @SafeVarargs
        final Allowed and(Set<String>... roots) {
            return new Allowed(ours, Stream.of(roots).flatMap(Set::stream).collect(Collectors.toSet()));
        }
    }

    /** Every package of ours, and what it may use besides itself and the JDK: one line per package. */
    static final Map<String, Allowed> PACKAGES = Map.ofEntries(
            // crypto: nothing of ours nor any framework; blst only in crypto.stm.bls; Jackson's streaming parser
            // only in crypto itself, where crypto.JsonReader reads json-hex for every codec (it replaced two
            // hand-written parsers that a benchmark showed no faster)
            Map.entry("crypto", Allowed.uses().and(JACKSON_CORE)),
            Map.entry("crypto.ed25519", Allowed.uses("crypto").and(BOUNCY_CASTLE)),
            Map.entry("crypto.kes", Allowed.uses("crypto", "crypto.ed25519").and(BOUNCY_CASTLE)),
            Map.entry("crypto.stm", Allowed.uses("crypto", "crypto.stm.bls").and(BOUNCY_CASTLE)),
            Map.entry("crypto.stm.bls", Allowed.uses().and(BLST)),
            Map.entry("crypto.mktree", Allowed.uses().and(BOUNCY_CASTLE)),
            // protocol: domain values on crypto; upstream's JSON messages with Jackson
            Map.entry("protocol", Allowed.uses(CRYPTO)),
            Map.entry("protocol.json", Allowed.uses(CRYPTO, "protocol").and(JACKSON)),
            Map.entry("protocol.signable", Allowed.uses(CRYPTO, "protocol")),
            Map.entry("certificate", Allowed.uses(CRYPTO, "protocol", "protocol.signable")),
            // the chain: the observer ports, and the Cardano node-to-client stack behind them (no framework)
            Map.entry("chain", Allowed.uses("protocol")),
            Map.entry("cardano.cbor", Allowed.uses()),
            Map.entry("cardano.ouroboros", Allowed.uses("cardano.cbor")),
            Map.entry("cardano.block", Allowed.uses("cardano.cbor").and(BOUNCY_CASTLE)),
            Map.entry("cardano.lsq", Allowed.uses("cardano.block", "cardano.cbor", "cardano.ouroboros")),
            Map.entry("cardano.chainsync", Allowed.uses("cardano.block", "cardano.cbor", "cardano.ouroboros")),
            Map.entry("cardano.immutable", Allowed.uses("cardano.block", "chain")),
            Map.entry(
                    "cardano.observer",
                    Allowed.uses(
                                    "cardano.block",
                                    "cardano.cbor",
                                    "cardano.lsq",
                                    "cardano.ouroboros",
                                    "chain",
                                    "crypto.kes",
                                    "protocol")
                            .and(JACKSON)),
            Map.entry("cardano.ticker", Allowed.uses("chain", "protocol")),
            Map.entry("cardano.era", Allowed.uses(CRYPTO, "chain", "protocol").and(JACKSON)),
            // the devnet: simulated chain and signers, talking to the API over HTTP like real signers
            Map.entry(
                    "devnet",
                    Allowed.uses(
                                    CRYPTO,
                                    "certifier",
                                    "chain",
                                    "config",
                                    "epoch",
                                    "protocol",
                                    "protocol.json",
                                    "protocol.signable")
                            .and(JACKSON, QUARKUS)),
            // configuration and cross-cutting beans
            Map.entry(
                    "config", Allowed.uses(CRYPTO, "protocol", "protocol.json").and(JACKSON, QUARKUS)),
            Map.entry("health", Allowed.uses().and(QUARKUS)),
            Map.entry("metrics", Allowed.uses("config").and(QUARKUS)),
            Map.entry(
                    "persistence",
                    Allowed.uses("config", "health", "protocol", "protocol.json")
                            .and(JACKSON, QUARKUS, STORAGE)),
            // features
            Map.entry(
                    "epoch",
                    Allowed.uses(
                                    "certificate",
                                    "config",
                                    "persistence",
                                    "protocol",
                                    "protocol.json",
                                    "protocol.signable")
                            .and(JACKSON, QUARKUS)),
            Map.entry(
                    "registration",
                    Allowed.uses(CRYPTO, "chain", "config", "persistence", "protocol", "protocol.json")
                            .and(QUARKUS)),
            Map.entry(
                    "certifier",
                    Allowed.uses(
                                    CRYPTO,
                                    "artifact",
                                    "cardano.immutable",
                                    "certificate",
                                    "config",
                                    "epoch",
                                    "persistence",
                                    "protocol",
                                    "protocol.json",
                                    "protocol.signable")
                            .and(JACKSON, QUARKUS)),
            Map.entry(
                    "artifact",
                    Allowed.uses(
                                    "artifact.archive",
                                    "artifact.snapshot",
                                    "artifact.upload",
                                    "cardano.immutable",
                                    "certifier",
                                    "config",
                                    "epoch",
                                    "metrics",
                                    "persistence",
                                    "protocol",
                                    "protocol.json",
                                    "protocol.signable")
                            .and(JACKSON, QUARKUS)),
            // the snapshot archiver: tar through zstd-jni or the JDK's gzip, no framework
            Map.entry(
                    "artifact.archive",
                    Allowed.uses().and(Set.of("com.github.luben.zstd", "org.apache.commons.compress"))),
            // the Cardano database snapshotter: archives on the archiver, the manifest signed with Ed25519; Jackson
            // only to read the signer's configuration
            Map.entry(
                    "artifact.snapshot",
                    Allowed.uses("artifact.archive", "crypto", "crypto.ed25519").and(JACKSON)),
            // the uploaders of the snapshot archives: the local copy, Google's Cloud Storage client (only here)
            Map.entry(
                    "artifact.upload",
                    Allowed.uses("config").and(QUARKUS, Set.of("com.google.cloud", "com.google.auth"))),
            // the follower: its leader over HTTP, the mirror of the leader's signers and chain into our stores
            Map.entry(
                    "follower",
                    Allowed.uses(
                                    CRYPTO,
                                    "certificate",
                                    "certifier",
                                    "chain",
                                    "config",
                                    "epoch",
                                    "persistence",
                                    "protocol",
                                    "protocol.json",
                                    "registration")
                            .and(JACKSON, QUARKUS)),
            // the REST API: features and messages, never the stores
            Map.entry(
                    "api",
                    Allowed.uses(
                                    CRYPTO,
                                    "artifact",
                                    "artifact.upload",
                                    "certificate",
                                    "certifier",
                                    "config",
                                    "epoch",
                                    "follower",
                                    "health",
                                    "metrics",
                                    "registration",
                                    "protocol",
                                    "protocol.json")
                            .and(JACKSON, QUARKUS)),
            // the runtime: the state machine on every service, the chain it reads, the lease among replicas
            Map.entry(
                    "runtime",
                    Allowed.uses(
                                    "artifact",
                                    "cardano.era",
                                    "cardano.immutable",
                                    "cardano.observer",
                                    "cardano.ouroboros",
                                    "cardano.ticker",
                                    "certifier",
                                    "chain",
                                    "config",
                                    "devnet",
                                    "epoch",
                                    "follower",
                                    "metrics",
                                    "persistence",
                                    "protocol",
                                    "protocol.json",
                                    "registration")
                            .and(JACKSON, QUARKUS, STORAGE)),
            // DMQ: the status of its consumer (which comes later), from the configuration
            Map.entry("dmq", Allowed.uses("config").and(QUARKUS)),
            // the ops console: read-only views of the features' state and messages, never the stores
            Map.entry(
                    "console",
                    Allowed.uses(
                                    "certifier",
                                    "chain",
                                    "config",
                                    "dmq",
                                    "epoch",
                                    "follower",
                                    "metrics",
                                    "protocol",
                                    "protocol.json",
                                    "runtime")
                            .and(JACKSON, QUARKUS)),
            // the command line: everything (the only package that may use cli)
            Map.entry("cli", Allowed.EVERYTHING));

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }

    @Test
    void everyPackageInTheCodeIsDeclaredAndEveryDeclaredPackageExists() {
        Set<String> present = production.stream()
                .map(JavaClass::getPackageName)
                .map(ArchitectureTest::relative)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(PACKAGES.keySet())
                .as("packages of the code without an entry in PACKAGES (declare what they may use)")
                .containsAll(present);
        assertThat(present)
                .as("entries of PACKAGES naming no package of the code")
                .containsAll(PACKAGES.keySet());
        PACKAGES.forEach((pkg, allowed) -> assertThat(allowed.ours())
                .as("what %s may use: declared packages only", pkg)
                .allMatch(used -> used.equals("*") || PACKAGES.containsKey(used)));
    }

    @TestFactory
    List<DynamicTest> eachPackageUsesOnlyWhatItIsAllowed() {
        List<DynamicTest> tests = new ArrayList<>();
        new TreeSet<>(PACKAGES.keySet()).forEach(pkg -> {
            Allowed allowed = PACKAGES.get(pkg);
            if (allowed == Allowed.EVERYTHING) return;
            List<String> packages = new ArrayList<>();
            packages.add(ROOT + "." + pkg);
            allowed.ours().forEach(p -> packages.add(ROOT + "." + p));
            packages.add("java..");
            allowed.thirdParty().forEach(root -> packages.add(root + ".."));
            tests.add(DynamicTest.dynamicTest(
                    pkg,
                    () -> classes()
                            .that()
                            .resideInAPackage(ROOT + "." + pkg)
                            .should()
                            .onlyDependOnClassesThat()
                            .resideInAnyPackage(packages.toArray(String[]::new))
                            .because(pkg + " may use " + new TreeSet<>(allowed.ours()) + " of ours and "
                                    + new TreeSet<>(allowed.thirdParty()))
                            .check(production)));
        });
        return tests;
    }

    @Test
    void onlyTheBlsPackageUsesForeignMemory() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".crypto.stm.bls")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.lang.foreign..")
                .check(production);
    }
}
