package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The multi-signature check of {@link StmMultiSignatureVerifier} for aggregates already in memory: an aggregate kept
 * under the very text that stands for it in a certificate (the certifier's just made, the follower's just parsed) is
 * verified as it is, once, and forgotten; any other text is decoded and verified as usual. The text is the
 * aggregate's canonical encoding, so both ways check the same signature; keeping it only saves decoding it again (for
 * a mainnet quorum, a G1 and a G2 point per signer). Keyed by identity: an equal text from elsewhere is decoded.
 * Thread-safe.
 */
public final class KeptMultiSignatures implements MultiSignatureVerifier {
    private final Map<String, StmAggregateSignature> byText = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Keeps {@code signature} for the verification of the certificate carrying exactly this {@code text}. */
    public void keep(String text, StmAggregateSignature signature) {
        byText.put(text, signature);
    }

    /** How many kept signatures wait for their verification. */
    public int kept() {
        return byText.size();
    }

    @Override
    public void verify(
            byte[] message,
            String multiSignatureJsonHex,
            String aggregateVerificationKeyJsonHex,
            ProtocolParameters parameters)
            throws InvalidMultiSignatureException {
        StmAggregateSignature kept = byText.remove(multiSignatureJsonHex);
        if (kept == null) {
            StmMultiSignatureVerifier.INSTANCE.verify(
                    message, multiSignatureJsonHex, aggregateVerificationKeyJsonHex, parameters);
        } else {
            StmMultiSignatureVerifier.verify(message, kept, aggregateVerificationKeyJsonHex, parameters);
        }
    }
}
