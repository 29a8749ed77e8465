package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.BlsDecodingException;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Upstream {@code BlsVerificationKeyProofOfPossession}: a verification key with its proof of possession
 * {@code (k1 = sk·H("PoP"), k2 = sk·G1)}. This is the signer {@code verification_key} field of mithril-common
 * (json-hex primary, 192-byte {@code vk || k1 || k2} fallback).
 */
public final class StmVerificationKeyPoP {

    static final byte[] POP_MESSAGE = "PoP".getBytes(StandardCharsets.US_ASCII);

    private final StmVerificationKey vk;
    private final G1Point k1;
    private final G1Point k2;

    private StmVerificationKeyPoP(StmVerificationKey vk, G1Point k1, G1Point k2) {
        this.vk = vk;
        this.k1 = k1;
        this.k2 = k2;
    }

    /** The key and its proof for a signing key. */
    public static StmVerificationKeyPoP of(StmSigningKey sk) {
        return new StmVerificationKeyPoP(
                StmVerificationKey.of(sk), sk.bls().sign(POP_MESSAGE), sk.bls().publicKeyG1());
    }

    /** json-hex first, then the 192-byte bytes-hex form (mithril-common's decode rule). */
    public static StmVerificationKeyPoP decode(String hex) throws StmException.SerializationError {
        byte[] raw = Bytes.fromHex(hex, true);
        try {
            return fromJson(Json.parse(raw));
        } catch (StmException.SerializationError jsonFailure) {
            try {
                return fromBytes(Bytes.fromHex(hex, false));
            } catch (StmException.SerializationError bytesFailure) {
                jsonFailure.addSuppressed(bytesFailure);
                throw jsonFailure;
            }
        }
    }

    static StmVerificationKeyPoP fromJson(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "verification key");
        byte[] vk = Json.bytes(Json.field(o, "vk"), 96, "vk");
        byte[] pop = Json.bytes(Json.field(o, "pop"), 96, "pop");
        return fromParts(vk, Arrays.copyOfRange(pop, 0, 48), Arrays.copyOfRange(pop, 48, 96));
    }

    /** 192 bytes {@code vk || k1 || k2}. */
    public static StmVerificationKeyPoP fromBytes(byte[] bytes) throws StmException.SerializationError {
        if (bytes.length < 192) {
            throw new StmException.SerializationError(StmException.Origin.BLS, "vk+pop needs 192 bytes");
        }
        return fromParts(
                Arrays.copyOfRange(bytes, 0, 96),
                Arrays.copyOfRange(bytes, 96, 144),
                Arrays.copyOfRange(bytes, 144, 192));
    }

    private static StmVerificationKeyPoP fromParts(byte[] vk, byte[] k1, byte[] k2)
            throws StmException.SerializationError {
        try {
            return new StmVerificationKeyPoP(
                    StmVerificationKey.fromBytes(vk), G1Point.decompress(k1), G1Point.decompress(k2));
        } catch (BlsDecodingException e) {
            throw new StmException.SerializationError(
                    StmException.Origin.BLS, "proof of possession: " + e.getMessage());
        }
    }

    /**
     * The three checks of upstream's {@code verify_proof_of_possession}: vk valid (done when decoding),
     * {@code k1} a signature of "PoP" under vk, and {@code e(G1, vk) == e(k2, G2)}.
     */
    public void verifyProofOfPossession() throws StmException.KeyInvalid {
        if (!Bls.verify(k1, vk.point(), POP_MESSAGE)) {
            throw new StmException.KeyInvalid("k1 does not sign \"PoP\" under " + vk);
        }
        if (!Bls.pairingEquals(G1Point.generator(), vk.point(), k2, G2Point.generator())) {
            throw new StmException.KeyInvalid("k2 does not match " + vk);
        }
    }

    public StmVerificationKey vk() {
        return vk;
    }

    G1Point k1() {
        return k1;
    }

    G1Point k2() {
        return k2;
    }

    /** 192 bytes {@code vk || k1 || k2} (also what the signer's KES signature covers). */
    public byte[] toBytes() {
        byte[] out = new byte[192];
        System.arraycopy(vk.point().bytesView(), 0, out, 0, 96);
        System.arraycopy(k1.bytesView(), 0, out, 96, 48);
        System.arraycopy(k2.bytesView(), 0, out, 144, 48);
        return out;
    }

    /** Compact JSON {@code {"vk":[96 ints],"pop":[96 ints]}}. */
    public String toJson() {
        StringBuilder b = new StringBuilder(1200);
        b.append("{\"vk\":");
        Json.writeBytes(b, vk.point().bytesView());
        b.append(",\"pop\":");
        Json.writeBytes(b, Arrays.copyOfRange(toBytes(), 96, 192));
        return b.append('}').toString();
    }

    /** json-hex, the form mithril-common emits. */
    public String toJsonHex() {
        return Json.toHex(new StringBuilder(toJson()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmVerificationKeyPoP p && vk.equals(p.vk) && k1.equals(p.k1) && k2.equals(p.k2);
    }

    @Override
    public int hashCode() {
        return vk.hashCode();
    }

    @Override
    public String toString() {
        return "StmVerificationKeyPoP[" + vk + "]";
    }
}
