package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SignerRepository.StoredRegistration;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code MithrilSignerRegistrationLeader} with its stores: the registration round the runtime opens and
 * closes, and {@code POST /register-signer} — checked against the round and verified ({@link
 * SignerRegistrationLeader}), then the signer and its registration recorded in one transaction.
 */
@ApplicationScoped
public class RegistrationService {
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /** Upstream's text of {@code RegistrationRoundNotYetOpened}. */
    public static final String ROUND_NOT_OPENED = RegistrationRoundNotOpenedException.MESSAGE;

    /** Outcome of an accepted registration. */
    public enum SignerOutcome {
        /** First registration of this signer for the round's epoch. */
        REGISTERED,
        /** The signer had registered for this epoch already: its keys and stake were replaced. */
        ALREADY_REGISTERED
    }

    private final SignerRegistrationVerifier verifier = new SignerRegistrationVerifier();
    private final SignerRegistrationLeader leader = new SignerRegistrationLeader(verifier);
    private final ChainObserver chainObserver;
    private final SignerRepository signers;
    private final Stores stores;
    private final boolean follower;

    RegistrationService(ChainObserver chainObserver, SignerRepository signers, Stores stores, AggregatorConfig config) {
        this.chainObserver = chainObserver;
        this.signers = signers;
        this.stores = stores;
        this.follower =
                config.leaderAggregatorEndpoint().filter(e -> !e.isBlank()).isPresent();
    }

    /**
     * Follower (upstream {@code MithrilSignerRegistrationFollower.synchronize_signers}): the leader's registrations for
     * {@code epoch}, each verified as a registration received here would be (operational certificate, KES signature
     * of the STM key, stake from our own chain's distribution), then recorded. All or nothing: the first one that
     * does not verify is named and nothing is recorded (a follower whose signers differ from its leader's could not
     * verify a single signature made for the leader's key registration). Blocking.
     *
     * @return how many registrations were recorded
     * @throws SignerRegistrationRefusedException naming the party whose registration does not verify
     */
    public int recordLeaderRegistrations(
            Epoch epoch, List<SignerRegistration> registrations, StakeDistribution stakes) {
        OptionalLong kesPeriod =
                chainObserver.currentKesPeriod().map(OptionalLong::of).orElse(OptionalLong.empty());
        String now = Rfc3339.format(Instant.now());
        List<StoredRegistration> rows = new ArrayList<>(registrations.size());
        for (SignerRegistration registration : registrations) {
            SignerWithStake signer = verifier.verify(registration, stakes, kesPeriod);
            rows.add(new StoredRegistration(
                    signer.partyId(),
                    epoch.value(),
                    signer.verificationKey(),
                    signer.verificationKeySignature().orElse(null),
                    signer.operationalCertificate().orElse(null),
                    signer.kesEvolutions().isPresent() ? signer.kesEvolutions().getAsLong() : null,
                    BigInteger.valueOf(signer.stake()),
                    now));
        }
        stores.inTransaction(on -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StoredRegistration row : rows) {
                        chain = chain.call(() -> signers.saveSigner(on, row.signerId(), null, now, now))
                                .call(() -> signers.saveRegistration(on, row));
                    }
                    return chain;
                })
                .await()
                .atMost(STORE_TIMEOUT);
        return rows.size();
    }

    /** IDLE step f: signers may register for {@code epoch} (the current one + 1), checked against these stakes. */
    public void openRound(Epoch epoch, StakeDistribution stakeDistribution) {
        leader.openRound(epoch, stakeDistribution);
    }

    /** IDLE step a. */
    public void closeRound() {
        leader.closeRound();
    }

    public Optional<SignerRegistrationRound> currentRound() {
        return leader.currentRound();
    }

    /**
     * Registers a decoded signer for {@code epoch}: round, epoch and verifier checks in upstream's order, then the
     * {@code signer} row upserted and the registration inserted or replaced. Blocking (chain observer, stores).
     *
     * @throws RegistrationRoundNotOpenedException no round is open (HTTP 550)
     * @throws RegistrationRoundEpochMismatchException another epoch than the round's (HTTP 500)
     * @throws SignerRegistrationRefusedException the verifier refused it (HTTP 400)
     */
    public SignerOutcome registerSigner(long epoch, SignerRegistration registration) {
        if (follower) throw new RegistrationClosedOnFollowerException();
        OptionalLong kesPeriod =
                chainObserver.currentKesPeriod().map(OptionalLong::of).orElse(OptionalLong.empty());
        SignerWithStake signer = leader.register(new Epoch(epoch), registration, kesPeriod);
        String now = Rfc3339.format(Instant.now());
        StoredRegistration row = new StoredRegistration(
                signer.partyId(),
                epoch,
                signer.verificationKey(),
                signer.verificationKeySignature().orElse(null),
                signer.operationalCertificate().orElse(null),
                signer.kesEvolutions().isPresent() ? signer.kesEvolutions().getAsLong() : null,
                BigInteger.valueOf(signer.stake()),
                now);
        boolean existed = stores.inTransaction(on -> signers.registration(on, epoch, signer.partyId())
                        .call(() -> signers.saveSigner(on, signer.partyId(), null, now, now))
                        .call(() -> signers.saveRegistration(on, row))
                        .map(Optional::isPresent))
                .await()
                .atMost(STORE_TIMEOUT);
        return existed ? SignerOutcome.ALREADY_REGISTERED : SignerOutcome.REGISTERED;
    }
}
