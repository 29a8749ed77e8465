package io.mithrilj.aggregator.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.InMemoryCertificateRetriever;
import io.mithrilj.aggregator.certificate.MultiSignatureVerifier.InvalidMultiSignatureException;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.certificate.VerifiedCertificateCache;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-signatures decoded once, at parsing, and verified as decoded: the same certificates, the same verdicts. */
class DecodedMultiSignaturesTest {

    private static final String CSD_11 = LeaderAggregatorClientTest.CSD_11;

    private static Certificate parse(String hash, CryptoCanonicalizer canonicalizer) {
        return CertificateJson.readCertificateMessage(Fixtures.certificateJson(hash))
                .toCertificate(canonicalizer);
    }

    private static String multiSignature(Certificate c) {
        return ((CertificateSignature.Multi) c.signature()).multiSignatureJsonHex();
    }

    private static byte[] signed(Certificate c) {
        return c.signedMessage().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void parsingGivesTheStmCanonicalCertificateAndKeepsItsSignatureUntilItIsVerified() throws Exception {
        DecodedMultiSignatures decoded = new DecodedMultiSignatures();

        Certificate c = parse(CSD_11, decoded);

        assertThat(c).isEqualTo(CertificateJson.readCertificate(Fixtures.certificateJson(CSD_11)));
        assertThat(multiSignature(c)).isEqualTo(multiSignature(parse(CSD_11, CryptoCanonicalizer.STM)));
        assertThat(decoded.kept()).isEqualTo(1);

        decoded.verify(
                signed(c),
                multiSignature(c),
                c.aggregateVerificationKey(),
                c.metadata().protocolParameters());

        assertThat(decoded.kept()).isZero();
    }

    @Test
    void anEqualTextOfAnotherParseIsDecodedAndVerifiedWithoutTakingTheKeptSignature() throws Exception {
        DecodedMultiSignatures decoded = new DecodedMultiSignatures();
        Certificate c = parse(CSD_11, decoded);
        String sameText = new String(multiSignature(c).toCharArray());

        decoded.verify(
                signed(c), sameText, c.aggregateVerificationKey(), c.metadata().protocolParameters());

        assertThat(decoded.kept()).isEqualTo(1);
    }

    @Test
    void aWrongMessageIsRefusedWithTheStmVerifiersReasonWhetherTheSignatureWasKeptOrNot() {
        Certificate c = parse(CSD_11, CryptoCanonicalizer.STM);
        byte[] wrong = signed(c);
        wrong[0] ^= 1;
        String expected = reason(() -> StmMultiSignatureVerifier.INSTANCE.verify(
                wrong,
                multiSignature(c),
                c.aggregateVerificationKey(),
                c.metadata().protocolParameters()));

        DecodedMultiSignatures decoded = new DecodedMultiSignatures();
        Certificate kept = parse(CSD_11, decoded);
        assertThat(reason(() -> decoded.verify(
                        wrong,
                        multiSignature(kept),
                        kept.aggregateVerificationKey(),
                        kept.metadata().protocolParameters())))
                .isEqualTo(expected);
        assertThat(decoded.kept()).isZero();
        assertThat(reason(() -> decoded.verify(
                        wrong,
                        multiSignature(c),
                        c.aggregateVerificationKey(),
                        c.metadata().protocolParameters())))
                .isEqualTo(expected);
    }

    private interface Verification {
        void run() throws InvalidMultiSignatureException;
    }

    private static String reason(Verification verification) {
        try {
            verification.run();
        } catch (InvalidMultiSignatureException e) {
            return e.getMessage();
        }
        throw new AssertionError("the multi-signature verified");
    }

    @Test
    void anUndecodableMultiSignatureFailsAsTheStmCanonicalizerFailsAndIsNotKept() {
        DecodedMultiSignatures decoded = new DecodedMultiSignatures();
        String expected = catchMessage(() -> CryptoCanonicalizer.STM.multiSignature("7b7d"));

        assertThatThrownBy(() -> decoded.multiSignature("7b7d"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage(expected)
                .hasMessageStartingWith("can not decode the multi-signature: ");
        assertThat(decoded.kept()).isZero();
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (MessageFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("decoded");
    }

    @Test
    void theFixtureChainVerifiesWithItsCertificatesParsedAndVerifiedThisWay() throws Exception {
        DecodedMultiSignatures decoded = new DecodedMultiSignatures();
        List<Certificate> certificates = new ArrayList<>();
        Fixtures.certificates().keySet().forEach(hash -> certificates.add(parse(hash, decoded)));
        int keptBefore = decoded.kept();
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(certificates),
                decoded,
                GenesisSignatureVerifier.ed25519(UpstreamReference.GENESIS_VERIFICATION_KEY),
                VerifiedCertificateCache.disabled(),
                CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);

        var walk = verifier.verifyChain(certificates.stream()
                .filter(c -> c.hash().equals(Fixtures.LATEST))
                .findFirst()
                .orElseThrow());

        assertThat(walk.end().hash()).isEqualTo(Fixtures.GENESIS);
        long standard = walk.verified().stream().filter(c -> !c.isGenesis()).count();
        assertThat(standard).isGreaterThan(1);
        assertThat(decoded.kept()).isEqualTo(keptBefore - standard);
    }
}
