package io.mithrilj.aggregator.crypto.stm;

/**
 * Upstream {@code SingleSignatureWithRegisteredParty}: a single signature with the {@code (vk, stake)} leaf that
 * the aggregate's batch path proves. Equality is upstream's: sigma and party.
 */
public record StmSignatureWithParty(StmSingleSignature signature, StmRegisteredParty party) {

    @Override
    public boolean equals(Object o) {
        return o instanceof StmSignatureWithParty s
                && signature.sigma().equals(s.signature.sigma())
                && party.equals(s.party);
    }

    @Override
    public int hashCode() {
        return signature.sigma().hashCode() * 31 + party.hashCode();
    }

    /** {@code leaf (104) || SingleSignature bytes}. */
    public byte[] toBytes() {
        byte[] leaf = party.toBytes();
        byte[] sig = signature.toBytes();
        byte[] out = new byte[leaf.length + sig.length];
        System.arraycopy(leaf, 0, out, 0, leaf.length);
        System.arraycopy(sig, 0, out, leaf.length, sig.length);
        return out;
    }
}
