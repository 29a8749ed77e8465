package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SignerRepository.StoredRegistration;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code MithrilSignerRegistrationLeader} with its stores: the registration round the runtime opens and
 * closes, and {@code POST /register-signer} — checked against the round and verified ({@link
 * SignerRegistrationLeader}), then the signer and its registration recorded in one transaction.
 */
@ApplicationScoped
@Typed(RegistrationService.class) // the role's SignerRegisterer comes from SignerRegistrationStrategy
public class RegistrationService implements SignerRegisterer {
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /** Upstream's text of {@code RegistrationRoundNotYetOpened}. */
    public static final String ROUND_NOT_OPENED = RegistrationRoundNotOpenedException.MESSAGE;

    private final SignerRegistrationLeader leader = new SignerRegistrationLeader(new SignerRegistrationVerifier());
    private final ChainObserver chainObserver;
    private final SignerRepository signers;
    private final Stores stores;

    RegistrationService(ChainObserver chainObserver, SignerRepository signers, Stores stores) {
        this.chainObserver = chainObserver;
        this.signers = signers;
        this.stores = stores;
    }

    /** IDLE step f: signers may register for {@code epoch} (the current one + 1), checked against these stakes. */
    @Override
    public void openRound(Epoch epoch, StakeDistribution stakeDistribution) {
        leader.openRound(epoch, stakeDistribution);
    }

    /** IDLE step a. */
    @Override
    public void closeRound() {
        leader.closeRound();
    }

    @Override
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
    @Override
    public SignerOutcome registerSigner(long epoch, SignerRegistration registration) {
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
