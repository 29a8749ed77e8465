package io.mithrilj.aggregator.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.crypto.kes.KesPublicKey;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.registration.SignerRegistrationRefusedException.Reason;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leader's registration checks on the real signer registrations of upstream's fake data (their
 * opcerts and KES signatures), and on synthetic pools for what the fixture can not show.
 */
class SignerRegistrationVerifierTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final long FIXTURE_STAKE = 20_000_000_001L;
    private static final String POOL_A = "pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a";
    private static final String POOL_B = "pool1qmt4h5xp8z74uqwg778a6xmgsf6esh0r8ewgxa4eqncx7tafv7s";
    private static final StakeDistribution BOTH_POOLS =
            StakeDistribution.of(Map.of(POOL_A, FIXTURE_STAKE, POOL_B, FIXTURE_STAKE));

    /** A registration as a signer sends it. */
    record Payload(String partyId, String verificationKey, String signature, String opcert, Long kesPeriod) {
        SignerRegistration decode() {
            return SignerRegistration.decode(partyId, verificationKey, signature, opcert, kesPeriod);
        }

        Payload withKey(String key) {
            return new Payload(partyId, key, signature, opcert, kesPeriod);
        }

        Payload withSignature(String sig) {
            return new Payload(partyId, verificationKey, sig, opcert, kesPeriod);
        }

        Payload withOpcert(String cert) {
            return new Payload(partyId, verificationKey, signature, cert, kesPeriod);
        }

        Payload withPartyId(String id) {
            return new Payload(id, verificationKey, signature, opcert, kesPeriod);
        }
    }

    static int records;
    static List<Payload> registrations;
    static Map<Payload, SignerWithStake> msdSigners;
    private final SignerRegistrationVerifier verifier = new SignerRegistrationVerifier();

    @BeforeAll
    static void readFixtureRegistrations() throws IOException {
        Map<Payload, Boolean> distinct = new LinkedHashMap<>();
        msdSigners = new LinkedHashMap<>();
        JsonNode msds = read("mithril-stake-distributions.json");
        for (JsonNode msd : msds) {
            for (JsonNode s : msd.get("signers")) {
                Payload p = payload(s);
                distinct.put(p, true);
                msdSigners.put(p, StakeDistributionJson.readSigner(s));
                records++;
            }
        }
        JsonNode settings = read("epoch-settings.json");
        for (String list : List.of("current_signers", "next_signers")) {
            for (JsonNode s : settings.get(list)) {
                distinct.put(payload(s), true);
                records++;
            }
        }
        registrations = List.copyOf(distinct.keySet());
    }

    private static JsonNode read(String file) throws IOException {
        return MAPPER.readTree(Files.readString(UpstreamReference.fakeData(file)));
    }

    private static Payload payload(JsonNode s) {
        return new Payload(
                s.get("party_id").asText(),
                s.get("verification_key").asText(),
                s.get("verification_key_signature").asText(),
                s.get("operational_certificate").asText(),
                s.get("kes_period").asLong());
    }

    private static String context(String partyId, long evolutions) {
        return "KeyRegwrapper can not register signer with party_id: 'Some(\"" + partyId
                + "\")', kes_evolutions: 'Some(KesEvolutions(" + evolutions + "))'";
    }

    // ------------------------------------------------------------------ the fixture registrations

    @Test
    void theFixtureHoldsTwentyFourRegistrationRecordsOfWhichTwentyAreDistinct() {
        assertThat(records).isEqualTo(24);
        assertThat(registrations).hasSize(20);
        assertThat(registrations).extracting(Payload::partyId).containsOnly(POOL_A, POOL_B);
    }

    @Test
    void everyFixtureRegistrationIsAcceptedWithItsPoolStake() {
        for (Payload p : registrations) {
            for (OptionalLong chainKesPeriod : List.of(OptionalLong.empty(), OptionalLong.of(0), OptionalLong.of(1))) {
                SignerWithStake signer = verifier.verify(p.decode(), BOTH_POOLS, chainKesPeriod);
                assertThat(signer.partyId()).isEqualTo(p.partyId());
                assertThat(signer.stake()).isEqualTo(FIXTURE_STAKE);
                assertThat(signer.verificationKey()).isEqualTo(p.verificationKey());
                assertThat(signer.verificationKeySignature()).contains(p.signature());
                assertThat(signer.operationalCertificate()).contains(p.opcert());
                assertThat(signer.kesEvolutions()).hasValue(p.kesPeriod());
                if (msdSigners.containsKey(p)) {
                    assertThat(signer).isEqualTo(msdSigners.get(p)); // what upstream stored, field for field
                }
            }
        }
    }

    @Test
    void keysSentAsBytesHexAreStoredInCanonicalJsonHex() throws StmException {
        Payload p = registrations.getFirst();
        String keyBytesHex =
                HEX.formatHex(StmVerificationKeyPoP.decode(p.verificationKey()).toBytes());
        String sigBytesHex = Sum6KesSignature.decode(p.signature()).toBytesHex();
        String opcertBytesHex = OperationalCertificate.decode(p.opcert()).toBytesHex();
        SignerWithStake signer = verifier.verify(
                p.withKey(keyBytesHex)
                        .withSignature(sigBytesHex)
                        .withOpcert(opcertBytesHex)
                        .decode(),
                BOTH_POOLS,
                OptionalLong.of(0));
        assertThat(signer).isEqualTo(verifier.verify(p.decode(), BOTH_POOLS, OptionalLong.of(0)));
    }

    @Test
    void aFlippedByteInTheKesSignatureIsRefused() {
        for (int i = 0; i < registrations.size(); i++) {
            Payload p = registrations.get(i);
            byte[] sig = Sum6KesSignature.decode(p.signature()).toBytes();
            sig[(i * 37) % sig.length] ^= 0x01;
            Payload flipped = p.withSignature(Sum6KesSignature.fromBytes(sig).toJsonHex());
            assertRefused(flipped, OptionalLong.of(0), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
        }
    }

    @Test
    void aFlippedByteInTheOpcertKesKeyOrColdSignatureIsRefused() {
        for (int i = 0; i < registrations.size(); i++) {
            Payload p = registrations.get(i);
            OperationalCertificate c = OperationalCertificate.decode(p.opcert());
            byte[] kesVk = c.kesVerificationKey().toBytes();
            kesVk[i % 32] ^= 0x80;
            byte[] certSig = c.certificateSignature().toBytes();
            certSig[(i * 7) % 64] ^= 0x04;
            String badKesKey = OperationalCertificate.of(
                            KesPublicKey.fromBytes(kesVk),
                            c.issueNumber(),
                            c.startKesPeriod(),
                            c.certificateSignature(),
                            c.coldVerificationKey())
                    .toJsonHex();
            String badCertSig = OperationalCertificate.of(
                            c.kesVerificationKey(),
                            c.issueNumber(),
                            c.startKesPeriod(),
                            Ed25519Signature.fromBytes(certSig),
                            c.coldVerificationKey())
                    .toJsonHex();
            assertRefused(
                    p.withOpcert(badKesKey), OptionalLong.of(0), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
            assertRefused(
                    p.withOpcert(badCertSig),
                    OptionalLong.of(0),
                    Reason.KES_SIGNATURE_INVALID,
                    context(p.partyId(), 0));
        }
    }

    @Test
    void aFlippedByteInTheOpcertColdKeyIsRefused() {
        int notDecoded = 0;
        int refused = 0;
        for (int i = 0; i < registrations.size(); i++) {
            Payload p = registrations.get(i);
            byte[] cbor = OperationalCertificate.decode(p.opcert()).toCborBytes();
            cbor[cbor.length - 32 + (i % 32)] ^= 0x01; // the cold key is the last CBOR item
            Payload flipped = p.withOpcert(HEX.formatHex(cbor));
            if (decodes(
                    () -> Ed25519VerificationKey.fromBytes(Arrays.copyOfRange(cbor, cbor.length - 32, cbor.length)))) {
                assertRefused(flipped, OptionalLong.of(0), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
                refused++;
            } else {
                assertThatThrownBy(flipped::decode)
                        .isInstanceOf(SignerPayloadDecodingException.class)
                        .hasMessage(SignerRegistration.OPCERT_NOT_DECODED);
                notDecoded++;
            }
        }
        assertThat(refused + notDecoded).isEqualTo(20);
        assertThat(refused).as("flipped cold keys that are still curve points").isPositive();
    }

    @Test
    void aFlippedByteInTheStmKeyIsRefused() throws StmException {
        int notDecoded = 0;
        for (int i = 0; i < registrations.size(); i++) {
            Payload p = registrations.get(i);
            byte[] key = StmVerificationKeyPoP.decode(p.verificationKey()).toBytes();
            key[(i * 11) % 192] ^= 0x01;
            Payload flipped = p.withKey(HEX.formatHex(key));
            if (decodes(() -> StmVerificationKeyPoP.fromBytes(key))) {
                assertRefused(flipped, OptionalLong.of(0), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
            } else {
                assertThatThrownBy(flipped::decode)
                        .isInstanceOf(SignerPayloadDecodingException.class)
                        .hasMessage(SignerRegistration.KEY_NOT_DECODED);
                notDecoded++;
            }
        }
        assertThat(notDecoded).isPositive();
    }

    @Test
    void anotherValidKeyUnderTheSameKesSignatureIsRefused() {
        Payload a = registrations.get(0);
        Payload other = registrations.stream()
                .filter(p -> !p.verificationKey().equals(a.verificationKey()))
                .findFirst()
                .orElseThrow();
        assertRefused(
                a.withKey(other.verificationKey()),
                OptionalLong.of(0),
                Reason.KES_SIGNATURE_INVALID,
                context(a.partyId(), 0));
    }

    @Test
    void aKesPeriodTooOldIsRefused() {
        for (Payload p : registrations) {
            SignerRegistrationRefusedException e =
                    assertRefused(p, OptionalLong.of(2), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 2));
            assertThat(e.upstreamError())
                    .isEqualTo("KES signature verification error: KesEvolutions=2, StartKesPeriod=0");
        }
        Payload p = registrations.getFirst();
        assertRefused(p, OptionalLong.of(70), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 70));
    }

    @Test
    void anOpcertOfAnotherPoolIsRefused() {
        Payload a = registrations.stream()
                .filter(p -> p.partyId().equals(POOL_A))
                .findFirst()
                .orElseThrow();
        Payload b = registrations.stream()
                .filter(p -> p.partyId().equals(POOL_B))
                .findFirst()
                .orElseThrow();
        assertRefused(a.withOpcert(b.opcert()), OptionalLong.of(0), Reason.KES_SIGNATURE_INVALID, context(POOL_A, 0));
    }

    @Test
    void thePartyIdIsTheOpcertPoolWhateverTheSignerSays() {
        Payload a = registrations.stream()
                .filter(p -> p.partyId().equals(POOL_A))
                .findFirst()
                .orElseThrow();
        assertThat(verifier.verify(a.withPartyId(POOL_B).decode(), BOTH_POOLS, OptionalLong.of(0))
                        .partyId())
                .isEqualTo(POOL_A);
        assertThat(verifier.verify(a.withPartyId("").decode(), BOTH_POOLS, OptionalLong.of(0))
                        .partyId())
                .isEqualTo(POOL_A);
        assertThatThrownBy(() -> verifier.verify(a.withPartyId("").decode(), BOTH_POOLS, OptionalLong.of(5)))
                .hasMessage(
                        "KeyRegwrapper can not register signer with party_id: 'None', kes_evolutions: 'Some(KesEvolutions(5))'");
    }

    @Test
    void anUnknownPoolIsRefused() {
        Payload a = registrations.stream()
                .filter(p -> p.partyId().equals(POOL_A))
                .findFirst()
                .orElseThrow();
        SignerRegistrationRefusedException e = assertRefused(
                a,
                StakeDistribution.of(Map.of(POOL_B, FIXTURE_STAKE)),
                OptionalLong.of(0),
                Reason.PARTY_ID_NON_EXISTING,
                context(POOL_A, 0));
        assertThat(e.upstreamError()).isEqualTo("party id does not exist in the stake distribution");
        assertRefused(
                a, StakeDistribution.empty(), OptionalLong.of(0), Reason.PARTY_ID_NON_EXISTING, context(POOL_A, 0));
    }

    @Test
    void aPoolWithZeroStakeIsRefused() {
        Payload a = registrations.stream()
                .filter(p -> p.partyId().equals(POOL_A))
                .findFirst()
                .orElseThrow();
        SignerRegistrationRefusedException e = assertRefused(
                a,
                StakeDistribution.of(Map.of(POOL_A, 0L, POOL_B, FIXTURE_STAKE)),
                OptionalLong.of(0),
                Reason.PARTY_ID_WITHOUT_STAKE,
                context(POOL_A, 0));
        assertThat(e.upstreamError()).isEqualTo("party id does not exist in the stake distribution");
    }

    @Test
    void anOpcertAndAKesSignatureAreMandatory() {
        Payload a = registrations.getFirst();
        assertThatThrownBy(() -> verifier.verify(a.withOpcert(null).decode(), BOTH_POOLS, OptionalLong.of(0)))
                .isInstanceOfSatisfying(
                        SignerRegistrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OP_CERT_MISSING))
                .hasMessage("KeyRegwrapper can not register signer with party_id: 'Some(\"" + a.partyId()
                        + "\")', kes_evolutions: 'None'");
        assertRefused(a.withSignature(null), OptionalLong.of(0), Reason.KES_SIGNATURE_MISSING, context(a.partyId(), 0));
    }

    @Test
    void undecodableFieldsAreNamed() {
        Payload a = registrations.getFirst();
        assertThatThrownBy(() -> a.withKey("zz").decode()).hasMessage(SignerRegistration.KEY_NOT_DECODED);
        assertThatThrownBy(() -> a.withSignature("7b7d").decode()).hasMessage(SignerRegistration.SIGNATURE_NOT_DECODED);
        assertThatThrownBy(() -> a.withOpcert("00").decode()).hasMessage(SignerRegistration.OPCERT_NOT_DECODED);
    }

    @Test
    void thePayloadPartyIdIsQuotedAsRustDebugDoes() {
        assertThat(SignerRegistrationVerifier.context("a\"b\\c\nd\u0001é", OptionalLong.empty()))
                .isEqualTo(
                        "KeyRegwrapper can not register signer with party_id: 'Some(\"a\\\"b\\\\c\\nd\\u{1}é\")', kes_evolutions: 'None'");
    }

    // ------------------------------------------------------------------ synthetic pools

    /** A pool whose opcert starts at KES period 100 and whose signer signed at evolution 5 (period 105). */
    static Payload syntheticRegistration(StmVerificationKeyPoP key, byte seed) {
        Ed25519SigningKey cold = Ed25519SigningKey.fromSeed(filled(seed));
        Sum6KesSigningKey kes = Sum6KesSigningKey.generate(filled((byte) (seed + 1)));
        OperationalCertificate opcert = OperationalCertificate.create(kes.publicKey(), 3, 100, cold);
        kes.updateTo(5);
        Sum6KesSignature sig = kes.sign(key.toBytes());
        return new Payload(opcert.partyId(), key.toJsonHex(), sig.toJsonHex(), opcert.toJsonHex(), 5L);
    }

    static byte[] filled(byte b) {
        byte[] out = new byte[32];
        Arrays.fill(out, b);
        return out;
    }

    @Test
    void theChainKesPeriodIsUsedWithOnePeriodOfSkewEitherWay() {
        Payload p = syntheticRegistration(StmVerificationKeyPoP.of(StmSigningKey.fromSeed(filled((byte) 9))), (byte) 1);
        StakeDistribution distribution = StakeDistribution.of(Map.of(p.partyId(), 42L));
        for (long chain : new long[] {104, 105, 106}) {
            SignerWithStake s = verifier.verify(p.decode(), distribution, OptionalLong.of(chain));
            assertThat(s.stake()).isEqualTo(42);
            assertThat(s.kesEvolutions()).hasValue(5);
        }
        // too new: the chain is behind the signer (before the opcert start the evolutions saturate at 0)
        assertRefused(p, distribution, OptionalLong.of(103), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 3));
        assertRefused(p, distribution, OptionalLong.of(90), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
        assertRefused(p, distribution, OptionalLong.empty(), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 0));
        // too old
        SignerRegistrationRefusedException e = assertRefused(
                p, distribution, OptionalLong.of(107), Reason.KES_SIGNATURE_INVALID, context(p.partyId(), 7));
        assertThat(e.upstreamError())
                .isEqualTo("KES signature verification error: KesEvolutions=7, StartKesPeriod=100");
    }

    @Test
    void aKesSignedKeyWithABadProofOfPossessionIsRefused() throws StmException {
        byte[] one = StmVerificationKeyPoP.of(StmSigningKey.fromSeed(filled((byte) 3)))
                .toBytes();
        byte[] two = StmVerificationKeyPoP.of(StmSigningKey.fromSeed(filled((byte) 4)))
                .toBytes();
        System.arraycopy(two, 96, one, 96, 96); // vk of the first key, proof of the second
        StmVerificationKeyPoP mixed = StmVerificationKeyPoP.fromBytes(one);
        Payload p = syntheticRegistration(mixed, (byte) 5);
        SignerRegistrationRefusedException e = assertRefused(
                p,
                StakeDistribution.of(Map.of(p.partyId(), 42L)),
                OptionalLong.of(105),
                Reason.KEY_INVALID,
                context(p.partyId(), 5));
        assertThat(e.upstreamError()).isEqualTo("The verification of correctness of the supplied key is invalid.");
    }

    // ------------------------------------------------------------------ helpers

    private SignerRegistrationRefusedException assertRefused(
            Payload p, OptionalLong chainKesPeriod, Reason reason, String message) {
        return assertRefused(p, BOTH_POOLS, chainKesPeriod, reason, message);
    }

    private SignerRegistrationRefusedException assertRefused(
            Payload p, StakeDistribution distribution, OptionalLong chainKesPeriod, Reason reason, String message) {
        SignerRegistration decoded = p.decode();
        List<SignerRegistrationRefusedException> caught = new ArrayList<>(1);
        assertThatThrownBy(() -> verifier.verify(decoded, distribution, chainKesPeriod))
                .isInstanceOfSatisfying(SignerRegistrationRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    caught.add(e);
                })
                .hasMessage(message);
        return caught.getFirst();
    }

    interface Decoding {
        void run() throws Exception;
    }

    private static boolean decodes(Decoding decoding) {
        try {
            decoding.run();
            return true;
        } catch (CodecException | StmException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
