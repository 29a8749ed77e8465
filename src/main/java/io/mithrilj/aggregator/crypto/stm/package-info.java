/**
 * Stake-based threshold multi-signatures (upstream crate {@code mithril-stm} 0.9.5, tag 2603.1), pure Java, no I/O.
 *
 * <p>Owns: protocol parameters, signing/verification keys and proofs of possession, the lottery (eligibility
 * check, rug/MPFR semantics), key registration and the Merkle-tree commitment with batch paths, single
 * signatures, the Concatenation clerk and aggregate signatures, the aggregate verification key, and the
 * json-hex / byte codecs mithril-common uses for them. Errors are the sealed {@link
 * io.mithrilj.aggregator.crypto.stm.StmException} hierarchy. Curve arithmetic is delegated to
 * {@code crypto.stm.bls}, the only place where blst is touched.
 */
package io.mithrilj.aggregator.crypto.stm;
