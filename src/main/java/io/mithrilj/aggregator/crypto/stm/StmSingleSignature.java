package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.BlsDecodingException;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Upstream {@code SingleSignature}: a BLS signature {@code sigma} on {@code msgp}, the lottery indexes it claims,
 * and the signer's position in the closed registration.
 *
 * <p>Codec: json-hex {@code {"sigma":[48 ints],"indexes":[..],"signer_index":i}} primary; bytes
 * {@code u64be(#indexes) || u64be(index).. || sigma || u64be(signer_index)} fallback (trailing bytes ignored,
 * as upstream).
 */
public final class StmSingleSignature {

    private final G1Point sigma;
    private final long[] indexes;
    private final long signerIndex;

    public StmSingleSignature(G1Point sigma, long[] indexes, long signerIndex) {
        this.sigma = sigma;
        this.indexes = indexes.clone();
        this.signerIndex = signerIndex;
    }

    public G1Point sigma() {
        return sigma;
    }

    public long[] indexes() {
        return indexes.clone();
    }

    long[] indexesView() {
        return indexes;
    }

    public long signerIndex() {
        return signerIndex;
    }

    /** The same signature with another index list (what the clerk keeps). */
    StmSingleSignature withIndexes(long[] kept) {
        return new StmSingleSignature(sigma, kept, signerIndex);
    }

    /** Decodes a sigma with upstream's {@code sig_validate(.., true)}; failures are serialization errors. */
    static G1Point decodeSigma(byte[] bytes) throws StmException.SerializationError {
        try {
            G1Point p = G1Point.decompress(bytes);
            p.validateAsSignature();
            return p;
        } catch (BlsDecodingException e) {
            throw new StmException.SerializationError(StmException.Origin.BLS, "sigma: " + e.getMessage());
        }
    }

    /**
     * What mithril-common's {@code verify_single_signature} checks for a received signature: BLS on
     * {@code msgp}, then each index {@code <= m} and won, in the given order.
     */
    public void verify(StmParameters params, StmRegisteredParty party, StmAggregateVerificationKey avk, byte[] message)
            throws StmException {
        verify(params, party, avk, message, Bls::verify);
    }

    /**
     * The same checks in the same order, the BLS equation checked by {@code batch} with the other signatures it is
     * given meanwhile (the party's key is a registered, hence validated, key).
     */
    public void verify(
            StmParameters params,
            StmRegisteredParty party,
            StmAggregateVerificationKey avk,
            byte[] message,
            StmSignatureBatcher batch)
            throws StmException {
        verify(params, party, avk, message, batch.bls::verify);
    }

    /** Who checks {@code e(sigma, G2) == e(H(msgp), vk)}: blst alone, or a batch. */
    @FunctionalInterface
    private interface BlsEquation {
        boolean holds(G1Point sigma, G2Point vk, byte[] msgp);
    }

    private void verify(
            StmParameters params,
            StmRegisteredParty party,
            StmAggregateVerificationKey avk,
            byte[] message,
            BlsEquation bls)
            throws StmException {
        byte[] msgp = avk.concatenateWithMessage(message);
        checkSigma();
        if (!bls.holds(sigma, party.vk().point(), msgp)) {
            throw new StmException.SignatureInvalid("single signature of signer " + Long.toUnsignedString(signerIndex));
        }
        checkIndexes(params, party.stake(), avk.totalStake(), msgp);
    }

    private void checkSigma() throws StmException {
        if (sigma.isInfinity()) {
            throw new StmException.SignatureInfinity();
        }
        if (!sigma.inGroup()) {
            throw new StmException.SerializationError(StmException.Origin.BLS, "sigma not in G1");
        }
    }

    /** Upstream {@code check_indices}: bound ({@code index <= m}) then lottery, index by index. */
    void checkIndexes(StmParameters params, long stake, long totalStake, byte[] msgp)
            throws StmException.IndexBoundFailed, StmException.LotteryLost {
        StmLottery.Threshold t = StmLottery.threshold(stake, totalStake, params.phiF());
        byte[] sig = sigma.bytesView();
        for (long index : indexes) {
            if (Long.compareUnsigned(index, params.m()) > 0) {
                throw new StmException.IndexBoundFailed(index, params.m());
            }
            if (!StmLottery.isWon(t, msgp, index, sig)) {
                throw new StmException.LotteryLost(index);
            }
        }
    }

    // ---- codecs ----------------------------------------------------------------------------

    public static StmSingleSignature decode(String hex) throws StmException.SerializationError {
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

    static StmSingleSignature fromJson(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "single signature");
        G1Point sigma = decodeSigma(Json.bytes(Json.field(o, "sigma"), 48, "sigma"));
        List<Object> idx = Json.array(Json.field(o, "indexes"), "indexes");
        long[] indexes = new long[idx.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = Json.u64(idx.get(i), "index");
        }
        return new StmSingleSignature(sigma, indexes, Json.u64(Json.field(o, "signer_index"), "signer_index"));
    }

    public static StmSingleSignature fromBytes(byte[] bytes) throws StmException.SerializationError {
        return fromBytes(new Bytes.Reader(bytes, StmException.Origin.SIGNATURE));
    }

    static StmSingleSignature fromBytes(Bytes.Reader r) throws StmException.SerializationError {
        int n = r.count(8);
        long[] indexes = new long[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = r.u64();
        }
        G1Point sigma = decodeSigma(r.take(48));
        return new StmSingleSignature(sigma, indexes, r.u64());
    }

    public byte[] toBytes() {
        byte[] out = new byte[8 + 8 * indexes.length + 48 + 8];
        Bytes.putU64be(out, 0, indexes.length);
        int off = 8;
        for (long i : indexes) {
            Bytes.putU64be(out, off, i);
            off += 8;
        }
        System.arraycopy(sigma.bytesView(), 0, out, off, 48);
        Bytes.putU64be(out, off + 48, signerIndex);
        return out;
    }

    void writeJson(StringBuilder b) {
        b.append("{\"sigma\":");
        Json.writeBytes(b, sigma.bytesView()).append(",\"indexes\":[");
        for (int i = 0; i < indexes.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Json.writeU64(b, indexes[i]);
        }
        b.append("],\"signer_index\":");
        Json.writeU64(b, signerIndex).append('}');
    }

    public String toJson() {
        StringBuilder b = new StringBuilder(400);
        writeJson(b);
        return b.toString();
    }

    /** json-hex, the form mithril-common emits. */
    public String toJsonHex() {
        return Json.toHex(new StringBuilder(toJson()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmSingleSignature s
                && sigma.equals(s.sigma)
                && Arrays.equals(indexes, s.indexes)
                && signerIndex == s.signerIndex;
    }

    @Override
    public int hashCode() {
        return sigma.hashCode() * 31 + Arrays.hashCode(indexes);
    }

    @Override
    public String toString() {
        return "StmSingleSignature[signer=" + Long.toUnsignedString(signerIndex) + ", indexes=" + indexes.length + "]";
    }
}
