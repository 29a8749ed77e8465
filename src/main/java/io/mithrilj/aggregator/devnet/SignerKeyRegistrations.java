package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.kes.KesException;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.kes.StmVerificationKeyBytes;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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
            List<EpochSettings.Signer> signers, Map<String, Long> stakes, StmClosedKeyRegistration closed) {}

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    /**
     * The closed registration of {@code signers} for {@code epoch}.
     *
     * @throws DevnetException naming the signer whose registration fails (no opcert or KES signature, KES
     *     signature invalid, party id without stake, undecodable or invalid key), as upstream's
     *     "Registration failed for signer"
     */
    public StmClosedKeyRegistration closedRegistration(
            Epoch epoch, List<EpochSettings.Signer> signers, Map<String, Long> stakes, ProtocolParameters parameters) {
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

    private static boolean sameInput(Entry cached, List<EpochSettings.Signer> signers, Map<String, Long> stakes) {
        // identity first: a devnet runner hands the same parsed settings to all its signers
        return (cached.signers() == signers || cached.signers().equals(signers))
                && (cached.stakes() == stakes || cached.stakes().equals(stakes));
    }

    private static StmClosedKeyRegistration build(List<EpochSettings.Signer> signers, Map<String, Long> stakes) {
        // checked on all cores; the failure reported is the first in list order, whatever the scheduling
        List<Object> outcomes = IntStream.range(0, signers.size())
                .parallel()
                .mapToObj(i -> {
                    try {
                        return (Object) authenticated(signers.get(i), stakes);
                    } catch (DevnetException e) {
                        return e;
                    }
                })
                .toList();
        List<StmKeyRegistration.Entry> entries = new ArrayList<>(outcomes.size());
        for (Object outcome : outcomes) {
            if (outcome instanceof DevnetException e) throw e;
            entries.add((StmKeyRegistration.Entry) outcome);
        }
        StmKeyRegistration registration = new StmKeyRegistration();
        try {
            registration.registerAll(entries);
        } catch (StmException.KeyRegistered e) {
            throw new DevnetException("Registration failed for signer: a verification key is listed twice", e);
        } catch (StmException.KeyInvalid e) {
            throw new DevnetException("Registration failed for signer: invalid verification key: " + e.getMessage(), e);
        }
        return registration.close();
    }

    private static StmKeyRegistration.Entry authenticated(EpochSettings.Signer signer, Map<String, Long> stakes) {
        String failure = "Registration failed for signer: '" + signer.partyId() + "': ";
        String opcertText = signer.operationalCertificate()
                .orElseThrow(() -> new DevnetException(failure + "missing operational certificate"));
        String kesSignatureText = signer.verificationKeySignature()
                .orElseThrow(() -> new DevnetException(failure + "missing KES signature"));
        long kesEvolutions = signer.kesPeriod().orElseThrow(() -> new DevnetException(failure + "missing KES period"));
        try {
            OperationalCertificate opcert = OperationalCertificate.decode(opcertText);
            byte[] keyBytes = StmVerificationKeyBytes.decode(signer.verificationKey());
            // the signer checks at the evolutions the registrant declared: pass start + evolutions as "current"
            String partyId = SignerRegistrationAuthenticator.authenticate(
                            keyBytes,
                            Sum6KesSignature.decode(kesSignatureText),
                            opcert,
                            opcert.startKesPeriod() + kesEvolutions)
                    .partyId();
            Long stake = stakes.get(partyId);
            if (stake == null) {
                throw new DevnetException(failure + "party id does not exist in the stake distribution");
            }
            return new StmKeyRegistration.Entry(stake, StmVerificationKeyPoP.decode(signer.verificationKey()));
        } catch (KesException | CodecException e) {
            throw new DevnetException(failure + e.getMessage(), e);
        } catch (StmException e) {
            throw new DevnetException(failure + "verification key: " + e.getMessage(), e);
        }
    }
}
