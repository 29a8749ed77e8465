package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.signable.SignableException;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The closed STM key registration of an epoch's current signers as a signer builds it before signing (upstream
 * {@code SignerBuilder::new} over {@code KeyRegWrapper::register}): each listed signer's KES signature is
 * checked at the evolutions it declared ({@code kes_period}), its party id taken from its operational
 * certificate, its stake from the signer's own stake record; then the keys are registered (proofs of possession
 * checked) and the registration closed.
 *
 * <p>Every simulated signer of a devnet builds the same registration each epoch; one instance shared by all of
 * them builds it once (for 3000 signers this is thousands of KES and PoP checks). Thread-safe.
 */
public final class SignerKeyRegistrations {
    private record Key(Epoch epoch, ProtocolParameters parameters) {}

    private record Entry(
            List<EpochSettingsMessage.Signer> signers, Map<String, Long> stakes, StmClosedKeyRegistration closed) {}

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    /**
     * The closed registration of {@code signers} for {@code epoch}.
     *
     * @throws DevnetException naming the signer whose registration fails (no opcert or KES signature, KES
     *     signature invalid, party id without stake, undecodable or invalid key), as upstream's
     *     "Registration failed for signer"
     */
    public StmClosedKeyRegistration closedRegistration(
            Epoch epoch,
            List<EpochSettingsMessage.Signer> signers,
            Map<String, Long> stakes,
            ProtocolParameters parameters) {
        if (signers.isEmpty()) {
            throw new DevnetException("The list of signers must not be empty to create a signer builder.");
        }
        Key key = new Key(epoch, parameters);
        Entry cached = cache.get(key);
        if (cached != null && sameInput(cached, signers, stakes)) {
            return cached.closed();
        }
        StmClosedKeyRegistration closed = build(signers, stakes);
        cache.put(key, new Entry(signers, stakes, closed));
        // a devnet only signs in the current epoch: drop what is two epochs old
        cache.keySet().removeIf(k -> k.epoch().value() + 2 <= epoch.value());
        return closed;
    }

    private static boolean sameInput(
            Entry cached, List<EpochSettingsMessage.Signer> signers, Map<String, Long> stakes) {
        // identity first: a devnet runner hands the same parsed settings to all its signers
        return (cached.signers() == signers || cached.signers().equals(signers))
                && (cached.stakes() == stakes || cached.stakes().equals(stakes));
    }

    /** Upstream's signer builder ({@link SignableSeed#closedRegistration}), its refusal as a devnet error. */
    private static StmClosedKeyRegistration build(List<EpochSettingsMessage.Signer> signers, Map<String, Long> stakes) {
        List<SignerWithStake> withStakes = signers.stream()
                .map(s -> new SignerWithStake(
                        s.partyId(),
                        s.verificationKey(),
                        s.verificationKeySignature(),
                        s.operationalCertificate(),
                        s.kesPeriod(),
                        stakes.getOrDefault(s.partyId(), 0L)))
                .toList();
        try {
            return SignableSeed.closedRegistration(withStakes, stakes);
        } catch (SignableException e) {
            throw new DevnetException(
                    e.detail().map(d -> e.getMessage() + ": " + d).orElse(e.getMessage()), e);
        }
    }
}
