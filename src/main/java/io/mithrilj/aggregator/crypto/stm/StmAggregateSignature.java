package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Upstream {@code AggregateSignature::Concatenation} ({@code ConcatenationProof}): the selected single signatures
 * with their registered parties, and the batch Merkle path proving those parties belong to the AVK.
 *
 * <p>Codec: json-hex {@code {"signatures":[[sig, [vk, stake]],..],"batch_proof":{..}}} (untagged) primary; byte
 * form {@code 0x00 || u64be(#sigs) || (u64be(len) || leaf || sig)... || batch path} fallback.
 */
public final class StmAggregateSignature {

    /** Below this many signatures decoding stays on the calling thread. */
    private static final int PARALLEL_DECODE_THRESHOLD = 16;

    private final List<StmSignatureWithParty> signatures;
    private final StmMerkleBatchPath batchProof;

    public StmAggregateSignature(List<StmSignatureWithParty> signatures, StmMerkleBatchPath batchProof) {
        this.signatures = List.copyOf(signatures);
        this.batchProof = batchProof;
    }

    public List<StmSignatureWithParty> signatures() {
        return signatures;
    }

    public StmMerkleBatchPath batchProof() {
        return batchProof;
    }

    /**
     * Upstream {@code ConcatenationProof::verify}, checks in upstream's order: index bound and lottery for each
     * signature and index; uniqueness; quorum; batch path against the AVK; randomised BLS check.
     *
     * @param message the signed bytes (for Mithril: the ASCII of the 64-char {@code signed_message})
     */
    public void verify(byte[] message, StmAggregateVerificationKey avk, StmParameters params) throws StmException {
        byte[] msgp = avk.concatenateWithMessage(message);
        long count = 0;
        for (StmSignatureWithParty s : signatures) {
            s.signature().checkIndexes(params, s.party().stake(), avk.totalStake(), msgp);
            count += s.signature().indexesView().length;
        }
        Set<Long> distinct = new HashSet<>();
        for (StmSignatureWithParty s : signatures) {
            for (long i : s.signature().indexesView()) {
                distinct.add(i);
            }
        }
        if (distinct.size() != count) {
            throw new StmException.IndexNotUnique();
        }
        if (Long.compareUnsigned(count, params.k()) < 0) {
            throw new StmException.NotEnoughSignatures(count, params.k());
        }
        batchProof.verify(
                signatures.stream().map(StmSignatureWithParty::party).toList(), avk.rootView(), avk.nrLeaves());
        verifyBls(msgp);
    }

    /** §2.8: randomisers {@code r_i = B2b-128(sigma_0 .. sigma_{n-1} || u64be(i))}, little-endian 128-bit scalars. */
    void verifyBls(byte[] msgp) throws StmException {
        int n = signatures.size();
        if (n == 0) {
            throw new StmException.AggregateSignatureInvalid();
        }
        List<G1Point> sigmas = new ArrayList<>(n);
        List<G2Point> vks = new ArrayList<>(n);
        for (StmSignatureWithParty s : signatures) {
            G1Point sigma = s.signature().sigma();
            if (sigma.isInfinity()) {
                throw new StmException.SignatureInfinity();
            }
            sigmas.add(sigma);
            vks.add(s.party().vk().point());
        }
        boolean ok = n == 1
                ? Bls.verify(sigmas.get(0), vks.get(0), msgp)
                : Bls.verifyRandomized(sigmas, vks, randomisers(sigmas), 128, msgp);
        if (!ok) {
            throw new StmException.SignatureInvalid("aggregate");
        }
    }

    /** The n 16-byte randomisers, concatenated (each already little-endian as blst reads scalars). */
    static byte[] randomisers(List<G1Point> sigmas) {
        Blake2bDigest base = new Blake2bDigest(128);
        for (G1Point s : sigmas) {
            base.update(s.bytesView(), 0, 48);
        }
        byte[] out = new byte[16 * sigmas.size()];
        for (int i = 0; i < sigmas.size(); i++) {
            Blake2bDigest d = new Blake2bDigest(base);
            d.update(Bytes.u64be(i), 0, 8);
            d.doFinal(out, 16 * i);
        }
        return out;
    }

    // ---- codecs ----------------------------------------------------------------------------

    /** json-hex first, then the byte form (mithril-common's rule for {@code ProtocolMultiSignature}). */
    public static StmAggregateSignature decode(String hex) throws StmException.SerializationError {
        byte[] raw = Bytes.fromHex(hex, true);
        try {
            return fromJson(Json.parse(raw));
        } catch (StmException.SerializationError jsonFailure) {
            try {
                return fromBytes(Bytes.fromHex(hex, false));
            } catch (StmException.SerializationError | StmException.UnsupportedProofSystem bytesFailure) {
                jsonFailure.addSuppressed(bytesFailure);
                throw jsonFailure;
            }
        }
    }

    static StmAggregateSignature fromJson(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "aggregate signature");
        List<Object> sigs = Json.array(Json.field(o, "signatures"), "signatures");
        StmMerkleBatchPath path = StmMerkleBatchPath.fromJson(Json.field(o, "batch_proof"));
        StmSignatureWithParty[] decoded = new StmSignatureWithParty[sigs.size()];
        StmException.SerializationError[] errors = new StmException.SerializationError[sigs.size()];
        IntStream range = IntStream.range(0, sigs.size());
        (sigs.size() >= PARALLEL_DECODE_THRESHOLD ? range.parallel() : range).forEach(i -> {
            try {
                List<Object> pair = Json.array(sigs.get(i), "signature with party");
                if (pair.size() != 2) {
                    throw new StmException.SerializationError(
                            StmException.Origin.CODEC, "signature entry must be [sig, party]");
                }
                decoded[i] = new StmSignatureWithParty(
                        StmSingleSignature.fromJson(pair.get(0)), StmRegisteredParty.fromJson(pair.get(1)));
            } catch (StmException.SerializationError e) {
                errors[i] = e;
            }
        });
        for (StmException.SerializationError e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return new StmAggregateSignature(List.of(decoded), path);
    }

    public static StmAggregateSignature fromBytes(byte[] bytes)
            throws StmException.SerializationError, StmException.UnsupportedProofSystem {
        Bytes.Reader r = new Bytes.Reader(bytes, StmException.Origin.AGGREGATE_SIGNATURE);
        int type = r.u8();
        if (type != 0) {
            throw new StmException.UnsupportedProofSystem(type);
        }
        int n = r.count(8);
        List<StmSignatureWithParty> sigs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = r.count(1);
            Bytes.Reader entry = new Bytes.Reader(r.take(len), StmException.Origin.AGGREGATE_SIGNATURE);
            StmRegisteredParty party = StmRegisteredParty.fromBytes(entry);
            sigs.add(new StmSignatureWithParty(StmSingleSignature.fromBytes(entry), party));
        }
        return new StmAggregateSignature(sigs, StmMerkleBatchPath.fromBytes(r));
    }

    /** Byte codec (type byte 0 = Concatenation). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(Bytes.u64be(signatures.size()));
        for (StmSignatureWithParty s : signatures) {
            byte[] b = s.toBytes();
            out.writeBytes(Bytes.u64be(b.length));
            out.writeBytes(b);
        }
        out.writeBytes(batchProof.toBytes());
        return out.toByteArray();
    }

    public String toJson() {
        StringBuilder b = new StringBuilder(1024 + 700 * signatures.size());
        b.append("{\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('[');
            signatures.get(i).signature().writeJson(b);
            b.append(',');
            signatures.get(i).party().writeJson(b);
            b.append(']');
        }
        b.append("],\"batch_proof\":");
        batchProof.writeJson(b);
        return b.append('}').toString();
    }

    /** json-hex, the form mithril-common emits. */
    public String toJsonHex() {
        return Json.toHex(new StringBuilder(toJson()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StmAggregateSignature a)
                || !a.batchProof.equals(batchProof)
                || a.signatures.size() != signatures.size()) {
            return false;
        }
        for (int i = 0; i < signatures.size(); i++) {
            if (!signatures.get(i).signature().equals(a.signatures.get(i).signature())
                    || !signatures.get(i).party().equals(a.signatures.get(i).party())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return signatures.size() * 31 + batchProof.hashCode();
    }

    @Override
    public String toString() {
        return "StmAggregateSignature[signatures=" + signatures.size() + "]";
    }
}
