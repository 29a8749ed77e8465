package io.mithrilj.aggregator.crypto.stm;

/**
 * Every failure of the STM layer, one subclass per variant of upstream's error enums
 * ({@code BlsSignatureError}, {@code SignatureError}, {@code AggregationError}, {@code AggregateSignatureError},
 * {@code MerkleTreeError}, {@code RegisterError}).
 */
public abstract sealed class StmException extends Exception {

    StmException(String message) {
        super(message);
    }

    /** Where a {@link SerializationError} was raised (upstream has one such variant per enum). */
    public enum Origin {
        BLS,
        SIGNATURE,
        MERKLE_TREE,
        AGGREGATE_SIGNATURE,
        REGISTRATION,
        CODEC
    }

    /** BLS equation failed, for a single signature or a (randomised) aggregate. */
    public static final class SignatureInvalid extends StmException {
        public SignatureInvalid(String what) {
            super("invalid signature: " + what);
        }
    }

    /** Empty or mismatched lists given to BLS aggregation. */
    public static final class AggregateSignatureInvalid extends StmException {
        public AggregateSignatureInvalid() {
            super("invalid aggregated signature");
        }
    }

    /** Bytes or JSON that do not decode: bad point, point outside the subgroup, bad scalar, truncated data. */
    public static final class SerializationError extends StmException {
        private final Origin origin;

        public SerializationError(Origin origin, String detail) {
            super("serialization error (" + origin + "): " + detail);
            this.origin = origin;
        }

        public Origin origin() {
            return origin;
        }
    }

    /** A verification key whose proof of possession does not verify. */
    public static final class KeyInvalid extends StmException {
        public KeyInvalid(String detail) {
            super("key with invalid proof of possession: " + detail);
        }
    }

    /** A batch of aggregates failed. */
    public static final class BatchInvalid extends StmException {
        public BatchInvalid() {
            super("one signature in the batch is invalid");
        }
    }

    /** A signature that is the point at infinity. */
    public static final class SignatureInfinity extends StmException {
        public SignatureInfinity() {
            super("signature is the point at infinity");
        }
    }

    /** A verification key that is the point at infinity. */
    public static final class VerificationKeyInfinity extends StmException {
        public VerificationKeyInfinity() {
            super("verification key is the point at infinity");
        }
    }

    /** A lottery index above m. */
    public static final class IndexBoundFailed extends StmException {
        private final long index;
        private final long m;

        public IndexBoundFailed(long index, long m) {
            super("index " + Long.toUnsignedString(index) + " exceeds m = " + Long.toUnsignedString(m));
            this.index = index;
            this.m = m;
        }

        public long index() {
            return index;
        }

        public long m() {
            return m;
        }
    }

    /** A claimed index the signature did not win. */
    public static final class LotteryLost extends StmException {
        public LotteryLost(long index) {
            super("lottery lost for index " + Long.toUnsignedString(index));
        }
    }

    /** The same index appears twice in an aggregate. */
    public static final class IndexNotUnique extends StmException {
        public IndexNotUnique() {
            super("indices are not unique");
        }
    }

    /** Fewer than k distinct indices. */
    public static final class NotEnoughSignatures extends StmException {
        private final long count;
        private final long k;

        public NotEnoughSignatures(long count, long k) {
            super("not enough signatures: " + count + " indices for k = " + Long.toUnsignedString(k));
            this.count = count;
            this.k = k;
        }

        public long count() {
            return count;
        }

        public long k() {
            return k;
        }
    }

    /** The batch Merkle path does not lead to the AVK root. */
    public static final class BatchPathInvalid extends StmException {
        public BatchPathInvalid(String detail) {
            super("invalid batch path: " + detail);
        }
    }

    /** The verification key is already registered. */
    public static final class KeyRegistered extends StmException {
        public KeyRegistered() {
            super("verification key already registered");
        }
    }

    /** An initializer or a signer index that the closed registration does not know. */
    public static final class UnregisteredParty extends StmException {
        public UnregisteredParty(String detail) {
            super("unregistered party: " + detail);
        }
    }

    /** An aggregate type byte other than Concatenation (0). */
    public static final class UnsupportedProofSystem extends StmException {
        public UnsupportedProofSystem(int type) {
            super("unsupported proof system " + type);
        }
    }
}
