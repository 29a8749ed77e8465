package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.kes.StmVerificationKeyBytes;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmInitializer;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.crypto.stm.StmSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A mithril-signer for one simulated pool, reduced to the decisions and messages of upstream's signer runner
 * ({@code mithril-signer/src/runtime/runner.rs}, {@code services/epoch_service.rs}, {@code single_signer.rs}):
 *
 * <ul>
 *   <li><b>registration</b> ({@code register_signer_to_aggregator}): for the aggregator's epoch {@code N} the
 *       signer registers for the recording epoch {@code N + 1}, once: it records the chain's stake distribution
 *       under {@code N + 1}, takes its own stake from it, creates an STM initializer (fresh key and proof of
 *       possession) for the registration parameters and its stake, KES-signs the key's 192 bytes at the chain's
 *       KES period, and keeps the initializer under {@code N + 1} (the protocol-initializer store) once the
 *       aggregator accepted the registration;
 *   <li><b>signing</b> ({@code can_signer_sign_current_epoch}, {@code compute_single_signature}): in epoch
 *       {@code N} it signs with the initializer kept under {@code N − 1}, if the aggregator lists it among
 *       {@code current_signers} with that very key; it builds the closed registration of the current signers with
 *       the stakes recorded under {@code N − 1}, STM-signs the protocol message's hash and sends the indexes it
 *       won; a beacon is signed once (the signed-beacon store).
 * </ul>
 *
 * <p>The protocol message to sign is given by the caller (the devnet computes it with the aggregator's signable
 * builders). The KES key is renewed (new KES key, next opcert issue number) when it nears expiry, as an operator
 * does. Thread-safe (one lock per signer).
 */
public final class SimulatedSigner {
    /** Evolutions at which the devnet operator renews the KES key (Sum6 keys last 64 periods). */
    public static final long KES_RENEWAL_EVOLUTIONS = 60;

    private final ChainObserver chain;
    private final RandomGenerator random;
    private final SignerKeyRegistrations keyRegistrations;
    private final StmKeySeeds keySeeds;
    private DevnetPool pool;
    private final Map<Epoch, StmInitializer> initializers = new HashMap<>();
    private final Map<Epoch, Map<String, Long>> stakes = new HashMap<>();
    private final Set<SignedEntityType> signedBeacons = new HashSet<>();

    /**
     * @param random source of the STM keys and of renewed KES keys ({@code SecureRandom} in production)
     * @param keyRegistrations shared by all signers of a devnet (see {@link SignerKeyRegistrations})
     */
    public SimulatedSigner(
            DevnetPool pool, ChainObserver chain, RandomGenerator random, SignerKeyRegistrations keyRegistrations) {
        this(pool, chain, random, keyRegistrations, null);
    }

    /**
     * The seed of the STM key a pool registers for an epoch. Given one, a signer's keys are a function of the pool and
     * the epoch, so that a restarted devnet signs again with the keys it registered before the restart ({@link
     * #restore}).
     */
    @FunctionalInterface
    public interface StmKeySeeds {
        byte[] seed(String partyId, Epoch registrationEpoch);
    }

    /** @param keySeeds where the STM keys come from; null: fresh keys from {@code random} */
    public SimulatedSigner(
            DevnetPool pool,
            ChainObserver chain,
            RandomGenerator random,
            SignerKeyRegistrations keyRegistrations,
            StmKeySeeds keySeeds) {
        this.keySeeds = keySeeds;
        this.pool = Objects.requireNonNull(pool, "pool");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.random = Objects.requireNonNull(random, "random");
        this.keyRegistrations = Objects.requireNonNull(keyRegistrations, "keyRegistrations");
    }

    /** A registration ready to send: {@link #json()} is the {@code RegisterSignerMessage} body. */
    public static final class Registration {
        private final Epoch epoch;
        private final String json;
        private final StmInitializer initializer;

        private Registration(Epoch epoch, String json, StmInitializer initializer) {
            this.epoch = epoch;
            this.json = json;
            this.initializer = initializer;
        }

        /** The recording epoch the signer registers for (the aggregator's epoch + 1). */
        public Epoch epoch() {
            return epoch;
        }

        public String json() {
            return json;
        }

        @Override
        public String toString() {
            return "Registration[epoch=" + epoch + ", keys redacted]";
        }
    }

    public synchronized String partyId() {
        return pool.partyId();
    }

    public synchronized DevnetPool pool() {
        return pool;
    }

    /**
     * The registration for {@code settings}, using its {@code signer_registration_protocol}.
     *
     * @throws DevnetException when the settings carry no registration parameters (newer aggregators: read them
     *     from {@code /protocol-configuration/{epoch + 1}} and call {@link #prepareRegistration(EpochSettingsMessage,
     *     ProtocolParameters)})
     */
    public Optional<Registration> prepareRegistration(EpochSettingsMessage settings) {
        ProtocolParameters parameters = settings.signerRegistrationProtocol()
                .orElseThrow(() -> new DevnetException("the epoch settings of epoch " + settings.epoch()
                        + " carry no signer_registration_protocol: read the registration parameters from"
                        + " /protocol-configuration/" + settings.epoch().next()));
        return prepareRegistration(settings, parameters);
    }

    /**
     * The registration for the aggregator's epoch, or empty when this signer already registered for its recording
     * epoch or the aggregator's epoch is behind the chain's. Nothing is kept until {@link #registered(Registration)}: a refused registration is prepared again
     * with a new key next time, as upstream does.
     *
     * @param registrationParameters the protocol parameters of the recording epoch
     * @throws DevnetException when the pool has no stake in the chain's distribution, or its KES period is before
     *     its operational certificate
     */
    public synchronized Optional<Registration> prepareRegistration(
            EpochSettingsMessage settings, ProtocolParameters registrationParameters) {
        Epoch recording = settings.epoch().next();
        if (initializers.containsKey(recording)) {
            return Optional.empty();
        }
        if (chain.currentEpoch().map(own -> settings.epoch().compareTo(own) < 0).orElse(false)) {
            return Optional.empty(); // the aggregator is behind the chain: wait, as upstream's state machine does
        }
        // the chain observer answers a snapshot; kept as is, so that thousands of signers share one map
        Map<String, Long> recorded = stakes.computeIfAbsent(recording, e -> chain.currentStakeDistribution());
        Long stake = recorded.get(pool.partyId());
        if (stake == null) {
            throw new DevnetException("No stake associated with myself (" + pool.partyId() + ") at epoch " + recording);
        }
        long kesPeriod = chain.currentKesPeriod().orElse(0L);
        if (pool.kesEvolutions(kesPeriod) >= KES_RENEWAL_EVOLUTIONS) {
            pool = pool.renew(kesPeriod, random);
        }
        long evolutions = pool.kesEvolutions(kesPeriod);
        StmInitializer initializer =
                new StmInitializer(stmParameters(registrationParameters), stake, newStmKey(recording));
        String json = SignerMessages.registerSigner(
                recording,
                pool.partyId(),
                initializer.verificationKeyPoP().toJsonHex(),
                pool.kesSign(initializer.verificationKeyPoP().toBytes(), kesPeriod)
                        .toJsonHex(),
                pool.operationalCertificate().toJsonHex(),
                evolutions);
        return Optional.of(new Registration(recording, json, initializer));
    }

    /** Keeps the initializer of an accepted registration (upstream saves it after the aggregator's 201). */
    public synchronized void registered(Registration registration) {
        initializers.put(registration.epoch, registration.initializer);
        // the store keeps a few epochs, as upstream's retention does
        initializers.keySet().removeIf(e -> e.value() + 3 < registration.epoch.value());
        stakes.keySet().removeIf(e -> e.value() + 3 < registration.epoch.value());
    }

    /**
     * Whether this signer can sign in the aggregator's epoch: it kept an initializer for it and is listed among
     * the current signers with that key.
     */
    public synchronized boolean canSign(EpochSettingsMessage settings) {
        return signingInitializer(settings).isPresent();
    }

    /**
     * The {@code RegisterSignatureMessageHttp} body for {@code message} of {@code signedEntityType}, or empty when
     * the signer cannot sign in this epoch, already signed this beacon, or won no lottery index.
     *
     * @throws DevnetException when the current signers cannot be registered (a bad registration listed, no stakes
     *     recorded for the epoch before)
     */
    public synchronized Optional<String> prepareSignature(
            EpochSettingsMessage settings, SignedEntityType signedEntityType, ProtocolMessage message) {
        Optional<StmInitializer> initializer = signingInitializer(settings);
        if (initializer.isEmpty() || signedBeacons.contains(signedEntityType)) {
            return Optional.empty();
        }
        Epoch retrieval = settings.epoch().minus(1);
        Map<String, Long> recorded = stakes.get(retrieval);
        if (recorded == null) {
            throw new DevnetException("No value returned by the subsystem for `stakes at epoch " + retrieval + "`.");
        }
        StmParameters parameters = initializer.get().params();
        StmClosedKeyRegistration closed = keyRegistrations.closedRegistration(
                settings.epoch(),
                settings.currentSigners(),
                recorded,
                new ProtocolParameters(parameters.k(), parameters.m(), parameters.phiF()));
        String signedMessage = message.computeHash();
        Optional<StmSingleSignature> signature;
        try {
            signature = initializer.get().createSigner(closed).sign(signedMessage.getBytes(StandardCharsets.US_ASCII));
        } catch (StmException.UnregisteredParty e) {
            throw new DevnetException(
                    "Mithril Single Signer can not restore signer with party_id: '" + pool.partyId() + "'", e);
        }
        signedBeacons.add(signedEntityType);
        return signature.map(s -> SignerMessages.registerSignature(
                signedEntityType, pool.partyId(), s.toJsonHex(), s.indexes(), signedMessage));
    }

    private Optional<StmInitializer> signingInitializer(EpochSettingsMessage settings) {
        if (settings.epoch().value() == 0) {
            return Optional.empty();
        }
        StmInitializer initializer = initializers.get(settings.epoch().minus(1));
        if (initializer == null) {
            return Optional.empty();
        }
        byte[] mine = initializer.verificationKeyPoP().toBytes();
        String partyId = pool.partyId();
        boolean listed = settings.currentSigners().stream()
                .anyMatch(s -> s.partyId().equals(partyId) && sameKey(s.verificationKey(), mine));
        return listed ? Optional.of(initializer) : Optional.empty();
    }

    private static boolean sameKey(String encoded, byte[] mine) {
        try {
            return Arrays.equals(StmVerificationKeyBytes.decode(encoded), mine);
        } catch (CodecException e) {
            return false;
        }
    }

    /**
     * After a restart: the initializer this signer registered for {@code registrationEpoch}, rebuilt from its key seed
     * with the parameters of that epoch and its stake on the chain. Returns whether one is kept now.
     */
    public synchronized boolean restore(Epoch registrationEpoch, ProtocolParameters parameters) {
        if (initializers.containsKey(registrationEpoch)) return true;
        if (keySeeds == null) return false;
        Map<String, Long> recorded = stakes.computeIfAbsent(registrationEpoch, e -> chain.currentStakeDistribution());
        Long stake = recorded.get(pool.partyId());
        if (stake == null) return false;
        initializers.put(
                registrationEpoch, new StmInitializer(stmParameters(parameters), stake, newStmKey(registrationEpoch)));
        return true;
    }

    /** Whether an initializer is kept for this registration epoch. */
    public synchronized boolean hasInitializer(Epoch registrationEpoch) {
        return initializers.containsKey(registrationEpoch);
    }

    private StmSigningKey newStmKey(Epoch registrationEpoch) {
        byte[] ikm;
        if (keySeeds != null) {
            ikm = keySeeds.seed(pool.partyId(), registrationEpoch);
        } else {
            ikm = new byte[32];
            random.nextBytes(ikm);
        }
        try {
            return StmSigningKey.fromSeed(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static StmParameters stmParameters(ProtocolParameters p) {
        return new StmParameters(p.m(), p.k(), p.phiF());
    }

    @Override
    public synchronized String toString() {
        return "SimulatedSigner[" + pool + ", registered for " + initializers.keySet() + "]";
    }
}
