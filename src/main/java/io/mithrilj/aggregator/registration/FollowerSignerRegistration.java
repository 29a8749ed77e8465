package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SignerRepository.StoredRegistration;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code MithrilSignerRegistrationFollower}: a follower has no registration round and refuses every
 * registration sent to it ({@link RegistrationClosedOnFollowerException}, HTTP 500 as upstream); it records the
 * signers its leader registered instead ({@link #recordLeaderRegistrations}), each verified as a registration received
 * would be.
 */
@ApplicationScoped
@Typed(FollowerSignerRegistration.class) // the role's SignerRegisterer comes from SignerRegistrationStrategy
public class FollowerSignerRegistration implements SignerRegisterer {
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final SignerRegistrationVerifier verifier = new SignerRegistrationVerifier();
    private final ChainObserver chainObserver;
    private final SignerRepository signers;
    private final Stores stores;

    FollowerSignerRegistration(ChainObserver chainObserver, SignerRepository signers, Stores stores) {
        this.chainObserver = chainObserver;
        this.signers = signers;
        this.stores = stores;
    }

    @Override
    public SignerOutcome registerSigner(long epoch, SignerRegistration registration) {
        throw new RegistrationClosedOnFollowerException();
    }

    /** Upstream's follower opens no round. */
    @Override
    public void openRound(Epoch epoch, StakeDistribution stakeDistribution) {}

    @Override
    public void closeRound() {}

    @Override
    public Optional<SignerRegistrationRound> currentRound() {
        return Optional.empty();
    }

    /**
     * Upstream {@code MithrilSignerRegistrationFollower.synchronize_signers}): the leader's registrations for
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
}
