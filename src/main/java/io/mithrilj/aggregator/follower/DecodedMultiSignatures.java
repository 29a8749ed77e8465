package io.mithrilj.aggregator.follower;

import io.mithrilj.aggregator.certificate.KeptMultiSignatures;
import io.mithrilj.aggregator.certificate.MultiSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;

/**
 * One walk's multi-signatures decoded once, as upstream decodes them once (its certificate entity holds the decoded
 * signature that its verifier checks). Parsing the leader's certificates with this canonicalizer decodes each
 * multi-signature as {@link CryptoCanonicalizer#STM} does and keeps the signature under the very text it returns;
 * verifying with this verifier checks that kept signature when given that same text (then forgets it), and decodes
 * the text as {@link StmMultiSignatureVerifier} does otherwise. The text is the signature's canonical encoding, so
 * both ways verify the same signature; the kept one only saves a second decoding (for a mainnet quorum, a G1 and a
 * G2 point per signer). Keyed by identity ({@link KeptMultiSignatures}): only the text this parse produced finds its
 * own signature. Thread-safe (the certificates are parsed on the fetch-ahead thread).
 */
final class DecodedMultiSignatures implements CryptoCanonicalizer, MultiSignatureVerifier {

    private final KeptMultiSignatures kept = new KeptMultiSignatures();

    @Override
    public String aggregateVerificationKey(String received) {
        return STM.aggregateVerificationKey(received);
    }

    @Override
    public String multiSignature(String received) {
        StmAggregateSignature signature = CryptoCanonicalizer.decodeMultiSignature(received);
        String text = signature.toJsonHex();
        kept.keep(text, signature);
        return text;
    }

    @Override
    public String genesisSignature(String received) {
        return STM.genesisSignature(received);
    }

    @Override
    public void verify(
            byte[] message,
            String multiSignatureJsonHex,
            String aggregateVerificationKeyJsonHex,
            ProtocolParameters parameters)
            throws InvalidMultiSignatureException {
        kept.verify(message, multiSignatureJsonHex, aggregateVerificationKeyJsonHex, parameters);
    }

    /** How many decoded signatures wait for their verification. */
    int kept() {
        return kept.kept();
    }
}
