package io.mithrilj.aggregator.epoch;

import io.mithrilj.aggregator.certificate.MultiSigner;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository.StoredEpochSetting;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SignerRepository.StoredRegistration;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.signable.SignableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream {@code MithrilEpochService} (spec aggregator-runtime.md §11): what the aggregator knows of epoch N —
 * protocol parameters of N−1 (current), N (next) and N+1 (registration), the signers registered at N−1 (current) and
 * at N (next) with their stakes, the signed entity types to certify — and, once {@link #precomputeEpochData()} ran,
 * the current and next multi-signers. Informed by the runtime (one thread); read by requests (any thread): each
 * epoch's data is one immutable value swapped atomically.
 *
 * <p>A replica that does not run the runtime (another holds the lease) is never informed: as the {@link
 * EpochSource} of the read routes it then reports the epoch the stores show ({@link StoredEpochSource}).
 */
@ApplicationScoped
public class EpochService implements EpochSource {

    /** Upstream's text when a multi-signer is asked for before {@code precompute_epoch_data}. */
    static String notYetComputed(Epoch epoch) {
        return "No data computed for epoch " + epoch + ", the function `precompute_epoch_data` must be called first";
    }

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /** What the epoch service derived for one epoch. */
    public record EpochData(
            Epoch epoch,
            String cardanoEra,
            String mithrilEra,
            ProtocolParameters currentProtocolParameters,
            ProtocolParameters nextProtocolParameters,
            ProtocolParameters signerRegistrationProtocolParameters,
            List<SignerWithStake> currentSigners,
            List<SignerWithStake> nextSigners,
            Set<SignedEntityTypeDiscriminant> signedEntityTypes,
            Optional<String> cardanoTransactionsSigningConfigJson) {

        public EpochData {
            currentSigners = List.copyOf(currentSigners);
            nextSigners = List.copyOf(nextSigners);
            signedEntityTypes = Set.copyOf(signedEntityTypes);
        }

        public BigInteger totalCurrentStake() {
            return total(currentSigners);
        }

        public BigInteger totalNextStake() {
            return total(nextSigners);
        }

        private static BigInteger total(List<SignerWithStake> signers) {
            BigInteger sum = BigInteger.ZERO;
            for (SignerWithStake s : signers) sum = sum.add(BigInteger.valueOf(s.stake()));
            return sum;
        }
    }

    /** The multi-signers of an epoch (upstream {@code ComputedEpochData}). */
    public record MultiSigners(Epoch epoch, MultiSigner current, MultiSigner next) {}

    private final EpochSettingRepository epochSettings;
    private final SignerRepository signers;
    private final StoredEpochSource stored;
    private final ApiSettings settings;
    private volatile EpochData data;
    private volatile MultiSigners computed;

    EpochService(
            EpochSettingRepository epochSettings,
            SignerRepository signers,
            StoredEpochSource stored,
            ApiSettings settings) {
        this.epochSettings = epochSettings;
        this.signers = signers;
        this.stored = stored;
        this.settings = settings;
    }

    /**
     * Upstream {@code inform_epoch}: records the registration parameters under N+1 (insert-or-ignore: a stored row
     * never changes) and loads what epoch N needs. Blocking; the runtime's thread only.
     *
     * @throws EpochNotReadyException at epoch 0 (no previous epoch to take the current signers from)
     */
    public EpochData informEpoch(Epoch epoch, String cardanoEra, String mithrilEra) {
        Objects.requireNonNull(epoch, "epoch");
        if (epoch.value() == 0) {
            throw new EpochNotReadyException("EpochService could not compute signer retrieval epoch from epoch: 0");
        }
        // upstream's start-up discrepancy handling (insert-if-absent N−1 and N), then its inform_epoch write (N+1)
        String configured = CertificateJson.write(
                CertificateJson.readProtocolParameters(settings.configuredProtocolParametersJson()));
        String configuredSigningConfig =
                settings.cardanoTransactionsAllowed() ? settings.configuredSigningConfigJson() : null;
        await(epochSettings.saveIfAbsent(epoch.minus(1).value(), configured, configuredSigningConfig));
        await(epochSettings.saveIfAbsent(epoch.value(), configured, configuredSigningConfig));
        ProtocolParameters current = parameters(epoch.minus(1));
        ProtocolParameters next = parameters(epoch);
        ProtocolParameters registration = parameters(epoch.next());
        String registrationSigningConfig =
                settings.cardanoTransactionsAllowed() ? settings.configuredSigningConfigJson() : null;
        await(epochSettings.saveIfAbsent(
                epoch.next().value(), CertificateJson.write(registration), registrationSigningConfig));
        Optional<String> signingConfig = await(epochSettings.find(epoch.minus(1).value()))
                .map(StoredEpochSetting::cardanoTransactionsSigningConfig)
                .or(() -> Optional.ofNullable(registrationSigningConfig));
        EnumSet<SignedEntityTypeDiscriminant> types = EnumSet.noneOf(SignedEntityTypeDiscriminant.class);
        for (SignedEntityKind kind : settings.allowedKinds()) types.add(kind.signedEntityType());
        EpochData loaded = new EpochData(
                epoch,
                cardanoEra,
                mithrilEra,
                current,
                next,
                registration,
                signersWithStake(epoch.minus(1)),
                signersWithStake(epoch),
                types,
                signingConfig);
        computed = null;
        data = loaded;
        return loaded;
    }

    /**
     * Upstream {@code precompute_epoch_data}: the current multi-signer (current signers, current parameters) and the
     * next one (next signers, next parameters).
     *
     * @throws SignableException "Epoch service failed to build protocol multi signer: …" when a list is empty or a
     *     signer cannot be registered
     */
    public MultiSigners precomputeEpochData() {
        EpochData d = data();
        MultiSigner current = build(
                "Epoch service failed to build protocol multi signer",
                d.currentSigners(),
                d.currentProtocolParameters());
        MultiSigner next = build(
                "Epoch service failed to build next protocol multi signer",
                d.nextSigners(),
                d.nextProtocolParameters());
        MultiSigners result = new MultiSigners(d.epoch(), current, next);
        computed = result;
        return result;
    }

    /** Follower: the next signers were just synchronised from the leader; reload them and compute again. */
    public MultiSigners updateNextSignersWithStake() {
        EpochData d = data();
        data = new EpochData(
                d.epoch(),
                d.cardanoEra(),
                d.mithrilEra(),
                d.currentProtocolParameters(),
                d.nextProtocolParameters(),
                d.signerRegistrationProtocolParameters(),
                d.currentSigners(),
                signersWithStake(d.epoch()),
                d.signedEntityTypes(),
                d.cardanoTransactionsSigningConfigJson());
        return precomputeEpochData();
    }

    /** The data of the informed epoch; {@link EpochNotReadyException} before {@code inform_epoch}. */
    public EpochData data() {
        EpochData d = data;
        if (d == null) throw new EpochNotReadyException(NOT_INITIALIZED);
        return d;
    }

    /** The informed epoch's data, if any (never throws). */
    public Optional<EpochData> dataIfInformed() {
        return Optional.ofNullable(data);
    }

    /** The multi-signers of the informed epoch; {@link EpochNotReadyException} before they were computed. */
    public MultiSigners multiSigners() {
        EpochData d = data();
        MultiSigners m = computed;
        if (m == null || !m.epoch().equals(d.epoch())) throw new EpochNotReadyException(notYetComputed(d.epoch()));
        return m;
    }

    /** The multi-signers if they were computed for the informed epoch (never throws). */
    public Optional<MultiSigners> multiSignersIfComputed() {
        EpochData d = data;
        MultiSigners m = computed;
        return d != null && m != null && m.epoch().equals(d.epoch()) ? Optional.of(m) : Optional.empty();
    }

    @Override
    public Uni<Optional<EpochState>> current() {
        EpochData d = data;
        if (d != null) {
            return Uni.createFrom()
                    .item(Optional.of(new EpochState(d.epoch().value(), d.cardanoEra(), d.mithrilEra())));
        }
        return stored.current();
    }

    /** Protocol parameters of an epoch: the stored setting, else the configured ones (a leader's provider). */
    private ProtocolParameters parameters(Epoch epoch) {
        return await(epochSettings.find(epoch.value()))
                .map(s -> CertificateJson.readProtocolParameters(s.protocolParameters()))
                .orElseGet(() -> CertificateJson.readProtocolParameters(settings.configuredProtocolParametersJson()));
    }

    private List<SignerWithStake> signersWithStake(Epoch epoch) {
        return await(signers.registrations(epoch.value())).stream()
                .filter(r -> r.stake() != null) // upstream's signer-with-stake query skips registrations without stake
                .map(StoredRegistration::toSignerWithStake)
                .toList();
    }

    private static MultiSigner build(String context, List<SignerWithStake> signers, ProtocolParameters parameters) {
        try {
            return MultiSigner.of(signers, parameters);
        } catch (SignableException e) {
            throw new SignableException(context + ": " + e.getMessage(), e);
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(STORE_TIMEOUT);
    }
}
