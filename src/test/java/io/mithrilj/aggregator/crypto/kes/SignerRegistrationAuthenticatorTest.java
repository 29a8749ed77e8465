package io.mithrilj.aggregator.crypto.kes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator.AuthenticatedSigner;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignerRegistrationAuthenticatorTest {

    /** A signer registration of the fixtures. */
    record Registration(
            String source,
            String partyId,
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            long kesPeriod) {}

    static List<Registration> fixtureRegistrations() {
        List<Registration> out = new ArrayList<>();
        Map<?, ?> msds = (Map<?, ?>)
                HexJson.parseJson(UpstreamReference.text("aggregator-fake-data/mithril-stake-distributions.json"));
        for (Map.Entry<?, ?> e : msds.entrySet()) {
            for (Object s : (List<?>) ((Map<?, ?>) e.getValue()).get("signers")) {
                out.add(registration("msd " + e.getKey(), (Map<?, ?>) s));
            }
        }
        Map<?, ?> settings =
                (Map<?, ?>) HexJson.parseJson(UpstreamReference.text("aggregator-fake-data/epoch-settings.json"));
        for (String list : new String[] {"current_signers", "next_signers"}) {
            for (Object s : (List<?>) settings.get(list)) {
                out.add(registration("epoch-settings " + list, (Map<?, ?>) s));
            }
        }
        return out;
    }

    private static Registration registration(String source, Map<?, ?> s) {
        return new Registration(
                source,
                (String) s.get("party_id"),
                (String) s.get("verification_key"),
                (String) s.get("verification_key_signature"),
                (String) s.get("operational_certificate"),
                (Long) s.get("kes_period"));
    }

    /** The fixtures carry no chain KES period: use the one the signer signed at (start + kes_period). */
    private static long currentKesPeriod(Registration r) {
        return OperationalCertificate.decode(r.operationalCertificate()).startKesPeriod() + r.kesPeriod();
    }

    @Test
    void everyFixtureRegistrationAuthenticatesToItsPartyId() {
        List<Registration> regs = fixtureRegistrations();
        assertEquals(24, regs.size(), "20 in the stake distributions + 4 in epoch-settings");
        for (Registration r : regs) {
            AuthenticatedSigner signer = SignerRegistrationAuthenticator.authenticate(
                    r.verificationKey(), r.verificationKeySignature(), r.operationalCertificate(), currentKesPeriod(r));
            assertEquals(r.partyId(), signer.partyId(), r.source());
            assertEquals(r.kesPeriod(), signer.kesEvolutions(), r.source());
        }
    }

    @Test
    void fixtureStringsAreCanonicalJsonHex() {
        for (Registration r : fixtureRegistrations()) {
            assertTrue(r.verificationKeySignature().startsWith("7b22"), "KES signature is json-hex");
            assertTrue(r.operationalCertificate().startsWith("5b5b5b"), "opcert is json-hex");
            assertEquals(
                    r.verificationKeySignature(),
                    Sum6KesSignature.decode(r.verificationKeySignature()).encode());
            assertEquals(
                    r.operationalCertificate(),
                    OperationalCertificate.decode(r.operationalCertificate()).encode());
            // and the bytes-hex fallbacks decode to the same objects
            Sum6KesSignature sig = Sum6KesSignature.decode(r.verificationKeySignature());
            assertEquals(sig, Sum6KesSignature.decode(sig.toBytesHex()));
            OperationalCertificate opcert = OperationalCertificate.decode(r.operationalCertificate());
            assertEquals(opcert, OperationalCertificate.decode(opcert.toBytesHex()));
            assertEquals(192, StmVerificationKeyBytes.decode(r.verificationKey()).length);
        }
    }

    @Test
    void flippedStmKeyByteFailsWithKesSignatureInvalid() {
        for (Registration r : fixtureRegistrations()) {
            byte[] vk = StmVerificationKeyBytes.decode(r.verificationKey());
            Sum6KesSignature sig = Sum6KesSignature.decode(r.verificationKeySignature());
            OperationalCertificate opcert = OperationalCertificate.decode(r.operationalCertificate());
            for (int i = 0; i < vk.length; i += 37) {
                byte[] bad = vk.clone();
                bad[i] ^= 0x01;
                KesSignatureInvalidException e = assertThrows(
                        KesSignatureInvalidException.class,
                        () -> SignerRegistrationAuthenticator.authenticate(bad, sig, opcert, currentKesPeriod(r)));
                assertEquals(r.kesPeriod(), e.kesEvolutions());
                assertEquals(opcert.startKesPeriod(), e.startKesPeriod().orElseThrow());
            }
        }
    }

    @Test
    void flippedKesSignatureByteFailsWithKesSignatureInvalid() {
        Registration r = fixtureRegistrations().get(0);
        byte[] vk = StmVerificationKeyBytes.decode(r.verificationKey());
        byte[] sig = Sum6KesSignature.decode(r.verificationKeySignature()).toBytes();
        OperationalCertificate opcert = OperationalCertificate.decode(r.operationalCertificate());
        for (int i = 0; i < sig.length; i++) {
            byte[] bad = sig.clone();
            bad[i] ^= 0x80;
            Sum6KesSignature badSig = Sum6KesSignature.fromBytes(bad);
            assertThrows(
                    KesSignatureInvalidException.class,
                    () -> SignerRegistrationAuthenticator.authenticate(vk, badSig, opcert, currentKesPeriod(r)),
                    "byte " + i);
        }
    }

    @Test
    void flippedOpcertByteFailsWithOpCertInvalid() {
        for (Registration r : fixtureRegistrations().subList(0, 2)) {
            byte[] vk = StmVerificationKeyBytes.decode(r.verificationKey());
            Sum6KesSignature sig = Sum6KesSignature.decode(r.verificationKeySignature());
            byte[] cbor =
                    OperationalCertificate.decode(r.operationalCertificate()).toCborBytes();
            OperationalCertificate original = OperationalCertificate.decode(r.operationalCertificate());
            int flipped = 0;
            for (int i = 0; i < cbor.length; i++) {
                byte[] bad = cbor.clone();
                bad[i] ^= 0x01;
                OperationalCertificate badOpcert;
                try {
                    badOpcert = OperationalCertificate.fromCborBytes(bad);
                } catch (CodecException undecodable) {
                    continue; // a CBOR header, or a cold key that is no longer a curve point
                }
                OperationalCertificate candidate = badOpcert;
                if (candidate.equals(original)) {
                    continue;
                }
                KesException e = assertThrows(
                        KesException.class,
                        () -> SignerRegistrationAuthenticator.authenticate(vk, sig, candidate, currentKesPeriod(r)),
                        "byte " + i);
                assertInstanceOf(OpCertInvalidException.class, e, "byte " + i);
                flipped++;
            }
            assertTrue(flipped > 100, "flipped " + flipped);
        }
    }

    @Test
    void flippedOpcertStartPeriodFailsWithOpCertInvalid() {
        Registration r = fixtureRegistrations().get(0);
        OperationalCertificate ok = OperationalCertificate.decode(r.operationalCertificate());
        OperationalCertificate shifted = OperationalCertificate.of(
                ok.kesVerificationKey(),
                ok.issueNumber(),
                ok.startKesPeriod() + 1,
                ok.certificateSignature(),
                ok.coldVerificationKey());
        assertThrows(
                OpCertInvalidException.class,
                () -> SignerRegistrationAuthenticator.authenticate(
                        StmVerificationKeyBytes.decode(r.verificationKey()),
                        Sum6KesSignature.decode(r.verificationKeySignature()),
                        shifted,
                        currentKesPeriod(r) + 1));
    }

    // ---- the evolution window, on generated material ----

    private static final byte[] STM_KEY = new byte[192];
    private static final long START = 10;

    static {
        for (int i = 0; i < STM_KEY.length; i++) {
            STM_KEY[i] = (byte) i;
        }
    }

    private static Sum6KesSignature signAt(int evolution) {
        Sum6KesSigningKey sk = Sum6KesSigningKey.generate(new byte[32]);
        sk.updateTo(evolution);
        return sk.sign(STM_KEY);
    }

    private static OperationalCertificate opcert() {
        return OperationalCertificate.create(
                Sum6KesSigningKey.generate(new byte[32]).publicKey(),
                3,
                START,
                Ed25519SigningKey.deterministicTestKey());
    }

    @Test
    void acceptsTheExpectedEvolutionAndOneEitherSide() {
        Sum6KesSignature sig = signAt(5);
        OperationalCertificate opcert = opcert();
        for (long current : new long[] {START + 4, START + 5, START + 6}) {
            AuthenticatedSigner s = SignerRegistrationAuthenticator.authenticate(STM_KEY, sig, opcert, current);
            assertEquals("pool1mxyec46067n3querj9cxkk0g0zlag93pf3ya9vuyr3wgkq2e6t7", s.partyId());
            assertEquals(current - START, s.kesEvolutions());
            assertEquals(5, s.verifiedAtEvolution());
        }
        for (long current : new long[] {START + 3, START + 7, START + 40}) {
            KesSignatureInvalidException e = assertThrows(
                    KesSignatureInvalidException.class,
                    () -> SignerRegistrationAuthenticator.authenticate(STM_KEY, sig, opcert, current));
            assertEquals(current - START, e.kesEvolutions());
            assertEquals(START, e.startKesPeriod().orElseThrow());
        }
    }

    @Test
    void currentPeriodBeforeOpcertStartSaturatesToZeroEvolutions() {
        // upstream: KesPeriod - KesPeriod saturates at 0, then tries evolutions 0 and 1
        OperationalCertificate opcert = opcert();
        assertEquals(
                0,
                SignerRegistrationAuthenticator.authenticate(STM_KEY, signAt(1), opcert, 2)
                        .kesEvolutions());
        assertThrows(
                KesSignatureInvalidException.class,
                () -> SignerRegistrationAuthenticator.authenticate(STM_KEY, signAt(2), opcert, 2));
    }

    @Test
    void endOfKeyLifetime() {
        Sum6KesSignature sig63 = signAt(63);
        OperationalCertificate opcert = opcert();
        SignerRegistrationAuthenticator.authenticate(STM_KEY, sig63, opcert, START + 62);
        SignerRegistrationAuthenticator.authenticate(STM_KEY, sig63, opcert, START + 63);
        SignerRegistrationAuthenticator.authenticate(STM_KEY, sig63, opcert, START + 64);
        // upstream quirk: the window of e = 65 is {64}, which the crate verifies as 63
        assertEquals(
                64,
                SignerRegistrationAuthenticator.authenticate(STM_KEY, sig63, opcert, START + 65)
                        .verifiedAtEvolution());
        for (long current : new long[] {START + 66, START + 1000, -1L}) {
            KesPeriodOutOfRangeException e = assertThrows(
                    KesPeriodOutOfRangeException.class,
                    () -> SignerRegistrationAuthenticator.authenticate(STM_KEY, sig63, opcert, current));
            assertEquals(current - START, e.evolutions());
        }
        assertThrows(
                KesSignatureInvalidException.class,
                () -> SignerRegistrationAuthenticator.authenticate(STM_KEY, signAt(62), opcert, START + 65));
        assertThrows(KesPeriodOutOfRangeException.class, () -> KesPeriods.checkedEvolutions(START + 64, START));
        assertEquals(63, KesPeriods.checkedEvolutions(START + 63, START));
    }

    @Test
    void invalidOpcertIsReportedBeforeThePeriodWindow() {
        OperationalCertificate ok = opcert();
        OperationalCertificate bad = OperationalCertificate.of(
                ok.kesVerificationKey(), 4, START, ok.certificateSignature(), ok.coldVerificationKey());
        assertThrows(
                OpCertInvalidException.class,
                () -> SignerRegistrationAuthenticator.authenticate(STM_KEY, signAt(0), bad, START + 500));
    }

    @Test
    void kesPeriodArithmetic() {
        assertEquals(0, KesPeriods.evolutions(5, 10));
        assertEquals(7, KesPeriods.evolutions(17, 10));
        assertEquals(-2L, KesPeriods.evolutions(-1L, 1), "unsigned: 2^64-1 - 1");
        assertEquals(0, KesPeriods.evolutions(1, -1L));
        assertEquals(2, KesPeriods.kesPeriodOfSlot(259_200, KesPeriods.MAINNET_SLOTS_PER_KES_PERIOD));
        assertEquals(1, KesPeriods.kesPeriodOfSlot(259_199, KesPeriods.MAINNET_SLOTS_PER_KES_PERIOD));
    }

    @Test
    void stmKeyHelperErrors() {
        assertThrows(CodecException.class, () -> StmVerificationKeyBytes.decode(HexJson.jsonToHex("{\"vk\":[1]}")));
        assertThrows(CodecException.class, () -> StmVerificationKeyBytes.decode(HexJson.toHex(new byte[191])));
        assertEquals(192, StmVerificationKeyBytes.decode(HexJson.toHex(new byte[192])).length);
        assertThrows(
                IllegalArgumentException.class,
                () -> SignerRegistrationAuthenticator.authenticate(new byte[191], signAt(0), opcert(), START));
        try {
            SignerRegistrationAuthenticator.authenticate(STM_KEY, signAt(0), opcert(), START);
        } catch (KesException e) {
            fail(e);
        }
    }
}
