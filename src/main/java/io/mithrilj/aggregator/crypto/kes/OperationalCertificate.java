package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * A Cardano operational certificate with its cold verification key (upstream {@code OpCert}).
 *
 * <p>The cold key signs {@code kesVk ‖ u64be(issueNumber) ‖ u64be(startKesPeriod)} (48 bytes). The
 * pool id is {@code Blake2b-224(coldVk)}, the party id its bech32 form with prefix {@code pool}.
 *
 * <p>Encodings:
 *
 * <ul>
 *   <li>json-hex (primary, Mithril messages): {@code [[[32 ints],issue,start,[64 ints]],[32
 *       ints]]};</li>
 *   <li>bytes-hex (fallback) = hex of the CBOR {@code [[bstr32 kesVk, uint issue, uint start,
 *       bstr64 sig], bstr32 coldVk]} (the {@code cborHex} of a {@code NodeOperationalCertificate}
 *       file).</li>
 * </ul>
 *
 * <p>{@code issueNumber} and {@code startKesPeriod} are unsigned 64-bit values held in {@code
 * long}s.
 */
public final class OperationalCertificate {
    /** Prefix of the bech32 party id. */
    public static final String POOL_HRP = "pool";

    private final KesPublicKey kesVk;
    private final long issueNumber;
    private final long startKesPeriod;
    private final Ed25519Signature certSig;
    private final Ed25519VerificationKey coldVk;

    private OperationalCertificate(
            KesPublicKey kesVk,
            long issueNumber,
            long startKesPeriod,
            Ed25519Signature certSig,
            Ed25519VerificationKey coldVk) {
        this.kesVk = Objects.requireNonNull(kesVk, "kesVk");
        this.issueNumber = issueNumber;
        this.startKesPeriod = startKesPeriod;
        this.certSig = Objects.requireNonNull(certSig, "certSig");
        this.coldVk = Objects.requireNonNull(coldVk, "coldVk");
    }

    /** An opcert from its fields; nothing is verified (see {@link #validate()}). */
    public static OperationalCertificate of(
            KesPublicKey kesVk,
            long issueNumber,
            long startKesPeriod,
            Ed25519Signature certSig,
            Ed25519VerificationKey coldVk) {
        return new OperationalCertificate(kesVk, issueNumber, startKesPeriod, certSig, coldVk);
    }

    /** Issues an opcert: the cold key signs the KES key, issue number and start period. */
    public static OperationalCertificate create(
            KesPublicKey kesVk, long issueNumber, long startKesPeriod, Ed25519SigningKey coldKey) {
        Ed25519Signature sig = coldKey.sign(signedMessage(kesVk, issueNumber, startKesPeriod));
        return new OperationalCertificate(kesVk, issueNumber, startKesPeriod, sig, coldKey.verificationKey());
    }

    /** The 48 bytes the cold key signs. */
    public static byte[] signedMessage(KesPublicKey kesVk, long issueNumber, long startKesPeriod) {
        byte[] msg = new byte[48];
        System.arraycopy(kesVk.rawBytes(), 0, msg, 0, 32);
        for (int i = 0; i < 8; i++) {
            msg[32 + i] = (byte) (issueNumber >>> (56 - 8 * i));
            msg[40 + i] = (byte) (startKesPeriod >>> (56 - 8 * i));
        }
        return msg;
    }

    // ---- decoding ----

    /** Decodes upstream's way: json-hex first, then bytes-hex (CBOR). */
    public static OperationalCertificate decode(String encoded) {
        return HexJson.decodeEither(
                encoded,
                OperationalCertificate::fromJsonHex,
                OperationalCertificate::fromBytesHex,
                "not an operational certificate in json-hex or bytes-hex");
    }

    public static OperationalCertificate fromJsonHex(String jsonHex) {
        return fromJson(HexJson.parseJsonHex(jsonHex));
    }

    /** From an already parsed JSON value. */
    public static OperationalCertificate fromJson(Object json) {
        List<?> outer = HexJson.toList(json, 2, "opcert");
        List<?> body = HexJson.toList(outer.get(0), 4, "opcert body");
        byte[] kesVk = HexJson.toBytes(body.get(0), -1, "opcert kes_vk");
        long issue = HexJson.toU64(body.get(1), "opcert issue_number");
        long start = HexJson.toU64(body.get(2), "opcert start_kes_period");
        byte[] sig = HexJson.toBytes(body.get(3), -1, "opcert cert_sig");
        byte[] cold = HexJson.toBytes(outer.get(1), -1, "opcert cold_vk");
        return build(kesVk, issue, start, sig, cold);
    }

    /** bytes-hex: hex of the CBOR encoding. */
    public static OperationalCertificate fromBytesHex(String hex) {
        return fromCborBytes(HexJson.fromHex(hex));
    }

    /**
     * From CBOR {@code [[kesVk, issue, start, sig], coldVk]}. As upstream (ciborium), bytes after
     * the first CBOR item are ignored.
     */
    public static OperationalCertificate fromCborBytes(byte[] cbor) {
        Object item = Cbor.readFirst(cbor);
        if (!(item instanceof List<?> outer) || outer.size() != 2) {
            throw new CodecException("opcert CBOR: expected a 2-element array");
        }
        if (!(outer.get(0) instanceof List<?> body) || body.size() != 4) {
            throw new CodecException("opcert CBOR: expected a 4-element body array");
        }
        return build(
                cborBytes(body.get(0), "kes_vk"),
                cborU64(body.get(1), "issue_number"),
                cborU64(body.get(2), "start_kes_period"),
                cborBytes(body.get(3), "cert_sig"),
                cborBytes(outer.get(1), "cold_vk"));
    }

    private static byte[] cborBytes(Object o, String what) {
        if (!(o instanceof byte[] b)) {
            throw new CodecException("opcert CBOR: " + what + " is not a byte string");
        }
        return b;
    }

    private static long cborU64(Object o, String what) {
        if (!(o instanceof BigInteger v)) {
            throw new CodecException("opcert CBOR: " + what + " is not an unsigned integer");
        }
        return v.longValue();
    }

    private static OperationalCertificate build(byte[] kesVk, long issue, long start, byte[] sig, byte[] cold) {
        return new OperationalCertificate(
                KesPublicKey.fromBytes(kesVk),
                issue,
                start,
                Ed25519Signature.fromBytes(sig),
                Ed25519VerificationKey.fromBytes(cold));
    }

    // ---- encoding ----

    /** Primary encoding: json-hex. */
    public String encode() {
        return toJsonHex();
    }

    public String toJsonHex() {
        return HexJson.jsonToHex(toJson());
    }

    /** The compact JSON text {@code [[[..],issue,start,[..]],[..]]}. */
    public String toJson() {
        return "[[" + HexJson.jsonByteArray(kesVk.rawBytes()) + "," + Long.toUnsignedString(issueNumber)
                + "," + Long.toUnsignedString(startKesPeriod) + "," + HexJson.jsonByteArray(certSig.toBytes())
                + "]," + HexJson.jsonByteArray(coldVk.toBytes()) + "]";
    }

    /** bytes-hex: hex of {@link #toCborBytes()}. */
    public String toBytesHex() {
        return HexJson.toHex(toCborBytes());
    }

    /** CBOR {@code [[kesVk, issue, start, sig], coldVk]}. */
    public byte[] toCborBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(140);
        Cbor.writeArrayHeader(out, 2);
        writeBody(out);
        Cbor.writeBytes(out, coldVk.toBytes());
        return out.toByteArray();
    }

    /** CBOR of the body alone ({@code NodeOperationalCertificateWithoutColdVerificationKey}). */
    public byte[] toCborBytesWithoutColdKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(110);
        writeBody(out);
        return out.toByteArray();
    }

    private void writeBody(ByteArrayOutputStream out) {
        Cbor.writeArrayHeader(out, 4);
        Cbor.writeBytes(out, kesVk.rawBytes());
        Cbor.writeUnsigned(out, issueNumber);
        Cbor.writeUnsigned(out, startKesPeriod);
        Cbor.writeBytes(out, certSig.toBytes());
    }

    // ---- semantics ----

    /** The 48 bytes the cold key signed. */
    public byte[] signedMessage() {
        return signedMessage(kesVk, issueNumber, startKesPeriod);
    }

    /**
     * Checks the cold-key signature (Ed25519 {@code verify_strict}).
     *
     * @throws OpCertInvalidException when it does not verify
     */
    public void validate() {
        try {
            coldVk.verify(signedMessage(), certSig);
        } catch (Ed25519VerificationException e) {
            throw new OpCertInvalidException(e);
        }
    }

    public boolean isValid() {
        try {
            validate();
            return true;
        } catch (OpCertInvalidException e) {
            return false;
        }
    }

    /** The pool id: Blake2b-224 of the cold verification key (28 bytes). */
    public byte[] poolId() {
        return Hashes.blake2b224(coldVk.toBytes());
    }

    /** The pool id as lowercase hex (upstream {@code compute_protocol_party_id_as_hash}). */
    public String poolIdHex() {
        return HexJson.toHex(poolId());
    }

    /** The Mithril party id: bech32 {@code pool1…} of the pool id. */
    public String partyId() {
        return Bech32.encode(POOL_HRP, poolId());
    }

    /**
     * Upstream's {@code OpCert::compute_hash}: SHA-256 of {@code kesVk ‖ u64be(issue) ‖
     * u64be(start) ‖ certSig ‖ coldVk}, lowercase hex.
     */
    public String computeHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(signedMessage());
            sha.update(certSig.toBytes());
            sha.update(coldVk.toBytes());
            return HexJson.toHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public KesPublicKey kesVerificationKey() {
        return kesVk;
    }

    /** Unsigned 64-bit. */
    public long issueNumber() {
        return issueNumber;
    }

    /** Unsigned 64-bit. */
    public long startKesPeriod() {
        return startKesPeriod;
    }

    public Ed25519Signature certificateSignature() {
        return certSig;
    }

    public Ed25519VerificationKey coldVerificationKey() {
        return coldVk;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationalCertificate other
                && kesVk.equals(other.kesVk)
                && issueNumber == other.issueNumber
                && startKesPeriod == other.startKesPeriod
                && certSig.equals(other.certSig)
                && coldVk.equals(other.coldVk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kesVk, issueNumber, startKesPeriod, certSig, coldVk);
    }

    @Override
    public String toString() {
        return "OperationalCertificate[kesVk=" + kesVk.toHex() + ", issueNumber="
                + Long.toUnsignedString(issueNumber) + ", startKesPeriod=" + Long.toUnsignedString(startKesPeriod)
                + ", coldVk=" + coldVk.toBytesHex() + "]";
    }
}
