package io.mithrilj.aggregator.certificate;

import static io.mithrilj.aggregator.certificate.ChainFixture.MULTI_SIGNATURE_NOT_CHECKED;
import static io.mithrilj.aggregator.certificate.ChainFixture.bestMultiSignatureVerifier;
import static io.mithrilj.aggregator.certificate.ChainFixture.metadata;
import static io.mithrilj.aggregator.certificate.ChainFixture.parts;
import static io.mithrilj.aggregator.certificate.ChainFixture.tampered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainAVKUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainInfiniteLoop;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainMissingEpoch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainPreviousHashUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainProtocolParametersUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainTooLong;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateEpochUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateGenesis;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateHashUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateProtocolMessageUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateRetrievalFailed;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.InvalidGenesisCertificateProvided;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.InvalidStandardCertificateProvided;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.UnsupportedSignedEntityType;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.VerifyMultiSignature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CertificateChainVerifierTest {
    static final String MASTER_18 = "0453d52ad842442857c2fd98f66e21fc2897f0e1566b563018b6ec5bc6fdeda9";
    static final String MASTER_10 = "206253bf06d8ef81b898f0d103790ffc3f8360df9a5e1a018119560af7680754";
    static final String MASTER_9 = "a256d3c9743f6a4ddcb8ab0d6b4ab26e2205492d371cc5870a3683df98adb140";
    static final String CSD_11 = "0188b5cb4ad604d3c000099d799ab6c85b38624d947eb99fb49d527bfeec8173";
    static final String CSD_9 = "e31226f2b58b3a15ca6b1a81f9faa3e78d83329a34cee30b437346851e723fff";

    private static <E extends CertificateVerifierException> E assertRefused(
            Class<E> type, String hash, Executable call) {
        E e = assertThrows(type, call);
        assertEquals(hash, e.certificateHash());
        assertTrue(e.getMessage().contains(hash), e.getMessage());
        return e;
    }

    private static CertificateChainVerifier verifier(Map<String, Certificate> certs) {
        return ChainFixture.verifier(certs, bestMultiSignatureVerifier(), UpstreamReference.GENESIS_VERIFICATION_KEY);
    }

    private static CertificateChainVerifier lenientVerifier(Map<String, Certificate> certs) {
        return ChainFixture.verifier(certs, MULTI_SIGNATURE_NOT_CHECKED, UpstreamReference.GENESIS_VERIFICATION_KEY);
    }

    // ------------------------------------------------------------------ whole chain

    @Test
    void latestWalksTwelveCertificatesToGenesis() throws Exception {
        Map<String, Certificate> certs = ChainFixture.certificates();
        List<String> epochs = new ArrayList<>();
        var result = verifier(certs)
                .verifyChain(
                        certs.get(Fixtures.LATEST), c -> epochs.add(c.epoch().toString()));
        assertEquals(12, result.verified().size());
        assertEquals(Fixtures.GENESIS, result.end().hash());
        assertFalse(result.endedAtCachedCertificate());
        assertEquals(List.of("18", "18", "17", "16", "15", "14", "13", "12", "11", "10", "9", "8"), epochs);
        assertEquals(MASTER_18, result.verified().get(1).hash());
    }

    @Test
    void everyCertificateWalksToGenesis() throws Exception {
        Map<String, Certificate> certs = ChainFixture.certificates();
        CertificateChainVerifier v = verifier(certs);
        for (Certificate c : certs.values()) {
            assertEquals(Fixtures.GENESIS, v.verifyChain(c).end().hash(), c.hash());
        }
    }

    @Test
    void cacheStopsLaterWalksAtVerifiedCertificates() throws Exception {
        Map<String, Certificate> certs = ChainFixture.certificates();
        var v = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(certs.values()),
                bestMultiSignatureVerifier(),
                GenesisSignatureVerifier.ed25519(UpstreamReference.GENESIS_VERIFICATION_KEY),
                new VerifiedCertificateCache(100),
                1000);
        v.verifyChain(certs.get(Fixtures.LATEST));
        assertEquals(12, v.cache().size());
        // the epoch-18 CSD chains to the epoch-18 master, already verified
        var r = v.verifyChain(
                ChainFixture.certificate("f54a44270e4ed4da7098e9d1b5d4dc61307666bcfb2c79ea8a3984b8a84f02cb"));
        assertEquals(1, r.verified().size());
        assertTrue(r.endedAtCachedCertificate());
        assertEquals(MASTER_18, r.end().hash());
        // a tampered copy claiming a cached hash is not trusted
        Certificate forged = tampered(MASTER_18, n -> metadata(n).put("network", "mainnet"));
        assertRefused(CertificateHashUnmatch.class, MASTER_18, () -> v.verifyChain(forged));
        // a different genesis key gets a different verifier and cache
        var cap = new VerifiedCertificateCache(1);
        cap.add("a");
        cap.add("b");
        assertFalse(cap.contains("a"));
        assertTrue(cap.contains("b"));
    }

    @Test
    void iterationCap() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        var v = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(certs.values()),
                bestMultiSignatureVerifier(),
                GenesisSignatureVerifier.ed25519(UpstreamReference.GENESIS_VERIFICATION_KEY),
                VerifiedCertificateCache.disabled(),
                5);
        assertRefused(
                CertificateChainTooLong.class,
                "8d21d7065c64a5bb2cdd1b2c4dd1f9cf9a7ef75949593f9556fad7be147a9276",
                () -> v.verifyChain(certs.get(Fixtures.LATEST)));
    }

    // ------------------------------------------------------------------ tampering: hashed fields

    private static void assertHashUnmatch(String hash, Consumer<ObjectNode> edit) {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = tampered(hash, edit);
        certs.put(hash, t);
        assertRefused(CertificateHashUnmatch.class, hash, () -> verifier(certs).verifyChain(t));
    }

    @Test
    void tamperedAncestorFailsTheWalkFromLatest() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        certs.put(MASTER_10, tampered(MASTER_10, n -> metadata(n).put("network", "mainnet")));
        assertRefused(
                CertificateHashUnmatch.class, MASTER_10, () -> verifier(certs).verifyChain(certs.get(Fixtures.LATEST)));
    }

    @Test
    void everyHashedFieldIsProtected() {
        assertHashUnmatch(MASTER_18, n -> metadata(n).put("network", "mainnet"));
        assertHashUnmatch(MASTER_18, n -> metadata(n).put("version", "0.1.1"));
        assertHashUnmatch(MASTER_18, n -> ((ObjectNode) metadata(n).get("parameters")).put("phi_f", 0.96));
        assertHashUnmatch(MASTER_18, n -> ((ObjectNode) metadata(n).get("parameters")).put("k", 71));
        assertHashUnmatch(
                MASTER_18,
                n -> metadata(n)
                        .put(
                                "initiated_at",
                                metadata(n).get("initiated_at").asText().replace("Z", "001Z")));
        assertHashUnmatch(
                MASTER_18,
                n -> metadata(n)
                        .put("sealed_at", metadata(n).get("sealed_at").asText().replace("Z", "001Z")));
        assertHashUnmatch(MASTER_18, n -> {
            ArrayNode signers = (ArrayNode) metadata(n).get("signers");
            signers.insert(0, signers.remove(1));
        });
        assertHashUnmatch(MASTER_18, n -> ((ArrayNode) metadata(n).get("signers")).remove(1));
        assertHashUnmatch(
                MASTER_18, n -> ((ObjectNode) ((ArrayNode) metadata(n).get("signers")).get(0)).put("stake", 1));
        assertHashUnmatch(MASTER_18, n -> n.put("epoch", 17));
        assertHashUnmatch(MASTER_18, n -> n.put("previous_hash", CSD_11));
        assertHashUnmatch(MASTER_18, n -> parts(n).put("next_protocol_parameters", "00"));
        assertHashUnmatch(MASTER_18, n -> n.put("signed_message", "00"));
        assertHashUnmatch(
                MASTER_18,
                n -> n.put(
                        "aggregate_verification_key",
                        ChainFixture.json(MASTER_10)
                                .get("aggregate_verification_key")
                                .asText()));
        assertHashUnmatch(
                Fixtures.LATEST,
                n -> n.set(
                        "signed_entity_type",
                        ChainFixture.MAPPER
                                .createObjectNode()
                                .set(
                                        "CardanoTransactions",
                                        ChainFixture.MAPPER
                                                .createArrayNode()
                                                .add(18)
                                                .add(525))));
        assertHashUnmatch(
                MASTER_18,
                n -> n.put(
                        "multi_signature",
                        ChainFixture.json(Fixtures.LATEST)
                                .get("multi_signature")
                                .asText()));
        assertHashUnmatch(
                Fixtures.GENESIS,
                n -> n.put(
                        "genesis_signature",
                        flipLastDigit(n.get("genesis_signature").asText())));
    }

    @Test
    void section75SealedAtPlusOneNanosecondAndSignerOrder() throws Exception {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate plusOne = tampered(CSD_11, n -> metadata(n).put("sealed_at", "2025-07-07T15:43:05.607954001Z"));
        assertEquals(
                "2025-07-07T15:43:05.607954Z",
                ChainFixture.json(CSD_11).get("metadata").get("sealed_at").asText());
        assertRefused(
                CertificateHashUnmatch.class, CSD_11, () -> verifier(certs).verifyChain(plusOne));
        Certificate reordered = tampered(CSD_11, n -> {
            ArrayNode signers = (ArrayNode) metadata(n).get("signers");
            signers.insert(0, signers.remove(1));
        });
        assertRefused(
                CertificateHashUnmatch.class, CSD_11, () -> verifier(certs).verifyChain(reordered));
        // the unmodified one is fine
        verifier(certs).verifyChain(certs.get(CSD_11));
    }

    // ------------------------------------------------------------------ tampering: later checks

    @Test
    void relabellingCiffAsCardanoDatabaseKeepsTheHash() throws Exception {
        // upstream feeds no discriminant for CIFF/CDB (nor MSD/CSD): the chain verifier can not tell them apart
        Map<String, Certificate> certs = ChainFixture.certificates();
        String ciff = "5332bc34ea37075dca619da530924c4abae3450b8aaa9805bfcb6612af96fd0d";
        Certificate relabelled = tampered(ciff, n -> {
            var beacon = n.get("signed_entity_type").get("CardanoImmutableFilesFull");
            n.set("signed_entity_type", ChainFixture.MAPPER.createObjectNode().set("CardanoDatabase", beacon));
        });
        assertEquals(ciff, relabelled.computeHash());
        assertEquals("CardanoDatabase", relabelled.signedEntityType().variantName());
        verifier(certs).verifyChain(relabelled);
    }

    @Test
    void changedPartWithRecomputedHashIsProtocolMessageUnmatch() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = tampered(Fixtures.LATEST, n -> parts(n).put("latest_block_number", "525"))
                .withComputedHash();
        assertRefused(
                CertificateProtocolMessageUnmatch.class,
                t.hash(),
                () -> verifier(certs).verifyChain(t));
    }

    @Test
    void changedPartWithRecomputedSignedMessageFailsTheMultiSignature() {
        assumeTrue(ChainFixture.stmAvailable(), "needs the STM verifier");
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = ChainFixture.withRecomputedSignedMessage(
                        tampered(Fixtures.LATEST, n -> parts(n).put("latest_block_number", "525")))
                .withComputedHash();
        assertRefused(
                VerifyMultiSignature.class, t.hash(), () -> verifier(certs).verifyChain(t));
    }

    @Test
    void multiSignatureDigitIsRefused() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        // a changed lottery index still decodes, then fails verification
        Certificate t = tampered(
                        Fixtures.LATEST,
                        n -> n.put(
                                "multi_signature",
                                editJsonHex(n.get("multi_signature").asText(), "\"indexes\":[")))
                .withComputedHash();
        var e = assertRefused(
                VerifyMultiSignature.class, t.hash(), () -> verifier(certs).verifyChain(t));
        assertTrue(!e.verifierReason().isEmpty());
        // a changed sigma byte no longer decodes to a G1 point: refused when the message is read (as upstream)
        var bad = assertThrows(
                MessageFormatException.class,
                () -> tampered(
                        Fixtures.LATEST,
                        n -> n.put(
                                "multi_signature",
                                editJsonHex(n.get("multi_signature").asText(), "\"sigma\":["))));
        assertTrue(bad.getMessage().contains("multi-signature"), bad.getMessage());
    }

    /** Changes the last digit of the first number after {@code marker} in a JSON-hex string. */
    static String editJsonHex(String jsonHex, String marker) {
        String json = new String(HexFormat.of().parseHex(jsonHex), StandardCharsets.UTF_8);
        int i = json.indexOf(marker) + marker.length();
        while (Character.isDigit(json.charAt(i + 1))) {
            i++;
        }
        char d = json.charAt(i);
        String edited = json.substring(0, i) + (d == '0' ? '1' : '0') + json.substring(i + 1);
        return HexFormat.of().formatHex(edited.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void swappedAvkIsRefused() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        String otherAvk =
                ChainFixture.json(MASTER_10).get("aggregate_verification_key").asText();
        Certificate t = tampered(Fixtures.LATEST, n -> n.put("aggregate_verification_key", otherAvk))
                .withComputedHash();
        if (ChainFixture.stmAvailable()) {
            assertRefused(
                    VerifyMultiSignature.class, t.hash(), () -> verifier(certs).verifyChain(t));
        }
        assertRefused(
                CertificateChainAVKUnmatch.class,
                t.hash(),
                () -> lenientVerifier(certs).verifyChain(t));
        // previous-epoch branch: the epoch-10 master against the epoch-9 next AVK
        Certificate m10 = tampered(
                        MASTER_10,
                        n -> n.put(
                                "aggregate_verification_key",
                                ChainFixture.json(MASTER_18)
                                        .get("aggregate_verification_key")
                                        .asText()))
                .withComputedHash();
        assertRefused(
                CertificateChainAVKUnmatch.class,
                m10.hash(),
                () -> lenientVerifier(certs).verifyChain(m10));
    }

    @Test
    void parentNextPartsBindTheChild() {
        // a master served under its own hash with changed next_protocol_parameters fails at its child
        Map<String, Certificate> certs = ChainFixture.certificates();
        certs.put(MASTER_9, tampered(MASTER_9, n -> parts(n).put("next_protocol_parameters", "00".repeat(32))));
        assertRefused(
                CertificateChainProtocolParametersUnmatch.class,
                MASTER_10,
                () -> verifier(certs).verifyChain(certs.get(MASTER_10)));
        // same-epoch branch: parameters differ from the parent's
        Map<String, Certificate> certs2 = ChainFixture.certificates();
        Certificate t = tampered(Fixtures.LATEST, n -> ((ObjectNode) metadata(n).get("parameters")).put("phi_f", 0.9))
                .withComputedHash();
        assertRefused(
                CertificateChainProtocolParametersUnmatch.class,
                t.hash(),
                () -> lenientVerifier(certs2).verifyChain(t));
        // next AVK part missing in the parent
        Map<String, Certificate> certs3 = ChainFixture.certificates();
        certs3.put(MASTER_9, tampered(MASTER_9, n -> parts(n).remove("next_aggregate_verification_key")));
        assertRefused(
                CertificateChainAVKUnmatch.class,
                MASTER_10,
                () -> verifier(certs3).verifyChain(certs3.get(MASTER_10)));
    }

    @Test
    void epochPartMismatch() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = ChainFixture.withRecomputedSignedMessage(
                        tampered(Fixtures.LATEST, n -> parts(n).put("current_epoch", "17")))
                .withComputedHash();
        assertRefused(
                CertificateEpochUnmatch.class,
                t.hash(),
                () -> lenientVerifier(certs).verifyChain(t));
        Certificate missing = ChainFixture.withRecomputedSignedMessage(
                        tampered(Fixtures.LATEST, n -> parts(n).remove("current_epoch")))
                .withComputedHash();
        assertRefused(
                CertificateEpochUnmatch.class,
                missing.hash(),
                () -> lenientVerifier(certs).verifyChain(missing));
    }

    @Test
    void section75MasterTenPointingAtGenesisIsMissingEpoch() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = tampered(MASTER_10, n -> n.put("previous_hash", Fixtures.GENESIS))
                .withComputedHash();
        assertRefused(
                CertificateChainMissingEpoch.class,
                t.hash(),
                () -> verifier(certs).verifyChain(t));
    }

    @Test
    void section75EpochNineCsdMayChainToGenesis() throws Exception {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t =
                tampered(CSD_9, n -> n.put("previous_hash", Fixtures.GENESIS)).withComputedHash();
        var r = verifier(certs).verifyChain(t);
        assertEquals(2, r.verified().size());
        assertEquals(Fixtures.GENESIS, r.end().hash());
    }

    @Test
    void retrieverReturningAnotherCertificate() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate latest = certs.get(Fixtures.LATEST);
        CertificateRetriever wrong = h -> certs.get("5332bc34ea37075dca619da530924c4abae3450b8aaa9805bfcb6612af96fd0d");
        var v = new CertificateChainVerifier(
                wrong,
                bestMultiSignatureVerifier(),
                GenesisSignatureVerifier.ed25519(UpstreamReference.GENESIS_VERIFICATION_KEY));
        assertRefused(CertificateChainPreviousHashUnmatch.class, Fixtures.LATEST, () -> v.verifyChain(latest));
    }

    @Test
    void missingParentIsARetrievalError() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        certs.remove(MASTER_9);
        var e = assertRefused(
                CertificateRetrievalFailed.class,
                MASTER_10,
                () -> verifier(certs).verifyChain(certs.get(Fixtures.LATEST)));
        assertEquals(MASTER_9, e.previousHash());
        assertTrue(e.getMessage().contains("Certificate does not exist: '" + MASTER_9 + "'"), e.getMessage());
    }

    @Test
    void selfChainingIsAnInfiniteLoop() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate latest = certs.get(Fixtures.LATEST);
        Certificate self = new Certificate(
                latest.hash(),
                latest.hash(),
                latest.epoch(),
                latest.metadata(),
                latest.protocolMessage(),
                latest.signedMessage(),
                latest.aggregateVerificationKey(),
                latest.signature());
        certs.put(self.hash(), self);
        assertRefused(
                CertificateChainInfiniteLoop.class,
                self.hash(),
                () -> verifier(certs).verifyChain(self));
    }

    @Test
    void unknownSignedEntityTypeIsRefused() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = tampered(
                Fixtures.LATEST,
                n -> n.set(
                        "signed_entity_type",
                        JsonNodeFactory.instance.objectNode().put("SomethingNew", 18)));
        assertRefused(
                UnsupportedSignedEntityType.class,
                Fixtures.LATEST,
                () -> verifier(certs).verifyChain(t));
    }

    @Test
    void entryPointsCheckTheKind() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        var v = verifier(certs);
        assertRefused(
                InvalidGenesisCertificateProvided.class,
                Fixtures.LATEST,
                () -> v.verifyGenesisCertificate(certs.get(Fixtures.LATEST)));
        assertRefused(
                InvalidStandardCertificateProvided.class,
                Fixtures.GENESIS,
                () -> v.verifyStandardCertificate(certs.get(Fixtures.GENESIS), certs.get(Fixtures.GENESIS)));
    }

    // ------------------------------------------------------------------ genesis

    static String flipLastDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    @Test
    void genesisSignatureDigitIsRefused() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        Certificate t = tampered(
                        Fixtures.GENESIS,
                        n -> n.put(
                                "genesis_signature",
                                flipLastDigit(n.get("genesis_signature").asText())))
                .withComputedHash();
        var e = assertRefused(
                CertificateGenesis.class, t.hash(), () -> verifier(certs).verifyChain(t));
        assertTrue(e.getMessage().contains("genesis"), e.getMessage());
        // first digit too (R part)
        Certificate t2 = tampered(Fixtures.GENESIS, n -> {
                    String s = n.get("genesis_signature").asText();
                    n.put("genesis_signature", (s.charAt(0) == 'b' ? "c" : "b") + s.substring(1));
                })
                .withComputedHash();
        assertRefused(CertificateGenesis.class, t2.hash(), () -> verifier(certs).verifyChain(t2));
    }

    @Test
    void wrongGenesisKeyFailsEveryWalkAtGenesis() {
        Map<String, Certificate> certs = ChainFixture.certificates();
        String otherKey = Ed25519SigningKey.generate().verificationKey().toJsonHex();
        var v = ChainFixture.verifier(certs, bestMultiSignatureVerifier(), otherKey);
        for (String start : List.of(Fixtures.LATEST, MASTER_10, CSD_11, Fixtures.GENESIS)) {
            assertRefused(CertificateGenesis.class, Fixtures.GENESIS, () -> v.verifyChain(certs.get(start)));
        }
    }

    @Test
    void genesisEpochPartMismatch() {
        Ed25519SigningKey key = Ed25519SigningKey.generate();
        Certificate good = GenesisCertificateProducer.bootstrap(
                "devnet",
                new io.mithrilj.aggregator.protocol.Epoch(8),
                ChainFixture.json(Fixtures.GENESIS)
                        .get("aggregate_verification_key")
                        .asText(),
                new io.mithrilj.aggregator.protocol.ProtocolParameters(70, 105, 0.95),
                key);
        Certificate wrongEpoch = new Certificate(
                        "",
                        "",
                        new io.mithrilj.aggregator.protocol.Epoch(9),
                        good.metadata(),
                        good.protocolMessage(),
                        good.signedMessage(),
                        good.aggregateVerificationKey(),
                        good.signature())
                .withComputedHash();
        var v = new CertificateChainVerifier(
                h -> null, MULTI_SIGNATURE_NOT_CHECKED, GenesisSignatureVerifier.ed25519(key.verificationKey()));
        assertRefused(CertificateEpochUnmatch.class, wrongEpoch.hash(), () -> v.verifyChain(wrongEpoch));
        assertInstanceOf(CertificateSignature.Genesis.class, good.signature());
        assertEquals(
                "8",
                good.protocolMessage().get(ProtocolMessagePartKey.CURRENT_EPOCH).orElseThrow());
    }

    @Test
    void badGenesisKeyEncodingIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> GenesisSignatureVerifier.ed25519("zz"));
        assertTrue(e.getMessage().contains("Could not decode hex key to build genesis verifier"));
    }
}
