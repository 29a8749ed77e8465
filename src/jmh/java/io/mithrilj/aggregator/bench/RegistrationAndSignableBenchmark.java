package io.mithrilj.aggregator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.signable.CardanoStakeDistributionSignable;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import io.mithrilj.aggregator.registration.SignerRegistration;
import io.mithrilj.aggregator.registration.SignerRegistrationVerifier;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure work behind a signer registration and an epoch's signables: decoding and verifying the 20
 * real fixture registrations (one thread), the CardanoStakeDistribution signable and the next AVK for
 * {@code signers} synthetic pools (each with its cold key, KES key, opcert and STM key).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RegistrationAndSignableBenchmark {
    private static final String POOL_A = "pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a";
    private static final String POOL_B = "pool1qmt4h5xp8z74uqwg778a6xmgsf6esh0r8ewgxa4eqncx7tafv7s";

    @Param({"3000"})
    public int signers;

    List<String[]> registrations;
    StakeDistribution fixtureStakes;
    StakeDistribution pools;
    List<SignerWithStake> nextSigners;
    final SignerRegistrationVerifier verifier = new SignerRegistrationVerifier();

    @Setup
    public void setup() throws Exception {
        // the test resources the tests read (the jmh profile puts src/test/resources/upstream on the class path)
        JsonNode msds = new ObjectMapper()
                .readTree(BenchResources.text(
                        "/upstream/mithril-2603.1/aggregator-fake-data/mithril-stake-distributions.json"));
        registrations = new ArrayList<>();
        msds.forEach(m -> m.get("signers").forEach(s -> registrations.add(new String[] {
            s.get("party_id").asText(),
            s.get("verification_key").asText(),
            s.get("verification_key_signature").asText(),
            s.get("operational_certificate").asText()
        })));
        fixtureStakes = StakeDistribution.of(Map.of(POOL_A, 1L, POOL_B, 1L));

        Map<String, Long> stakes = new HashMap<>();
        nextSigners = new ArrayList<>(signers);
        for (int i = 0; i < signers; i++) {
            byte[] seed = ByteBuffer.allocate(32).putInt(i).array();
            Sum6KesSigningKey kes = Sum6KesSigningKey.generate(seed);
            seed[31] = 1;
            OperationalCertificate opcert = OperationalCertificate.create(kes.publicKey(), 0, 0, Ed25519SigningKey.fromSeed(seed));
            seed[31] = 2;
            StmVerificationKeyPoP key = StmVerificationKeyPoP.of(StmSigningKey.fromSeed(seed));
            long stake = 1_000_000L + 7919L * i;
            stakes.put(opcert.partyId(), stake);
            nextSigners.add(new SignerWithStake(
                    opcert.partyId(),
                    key.toJsonHex(),
                    Optional.of(kes.sign(key.toBytes()).toJsonHex()),
                    Optional.of(opcert.toJsonHex()),
                    OptionalLong.of(0),
                    stake));
        }
        pools = StakeDistribution.of(stakes);
    }

    /** Decode and verify one real registration (per registration, one thread). */
    @Benchmark
    @OperationsPerInvocation(20)
    public Object verifyFixtureRegistrations() {
        Object last = null;
        for (String[] r : registrations) {
            last = verifier.verify(SignerRegistration.decode(r[0], r[1], r[2], r[3], 0L), fixtureStakes, OptionalLong.of(0));
        }
        return last;
    }

    /** The CardanoStakeDistribution parts of {@code signers} pools (MKTree root included). */
    @Benchmark
    public Object cardanoStakeDistributionSignable() {
        return CardanoStakeDistributionSignable.computeProtocolMessage(new Epoch(100), pools);
    }

    /** The next AVK of {@code signers} signers, as the epoch service computes it once per epoch (both cores). */
    @Benchmark
    public Object nextAggregateVerificationKey() {
        return SignableSeed.aggregateVerificationKey(nextSigners);
    }
}
