package io.mithrilj.aggregator.crypto.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random stake distributions: register, sign, aggregate, verify; every codec round-trips. */
class StmRoundTripProperties {

    @Property(tries = 12)
    void registerSignAggregateVerify(
            @ForAll @IntRange(min = 1, max = 10) int parties,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 5, max = 60) int m,
            @ForAll @IntRange(min = 1, max = 9) int phiTenths)
            throws Exception {
        Random random = new Random(seed);
        StmParameters params = new StmParameters(m, 1 + random.nextInt(Math.max(1, m / 4)), phiTenths / 10.0);
        byte[] seed32 = new byte[32];
        random.nextBytes(seed32);
        ChaChaRng rng = new ChaChaRng(seed32);
        List<StmInitializer> inits = new ArrayList<>();
        List<StmKeyRegistration.Entry> entries = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            StmInitializer init = new StmInitializer(
                    params, random.nextInt(3) == 0 ? random.nextInt(5) : 1 + random.nextInt(10_000), rng.nextKey());
            inits.add(init);
            entries.add(new StmKeyRegistration.Entry(init.stake(), init.verificationKeyPoP()));
        }
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.registerAll(entries);
        StmClosedKeyRegistration closed = reg.close();
        StmAggregateVerificationKey avk = closed.aggregateVerificationKey();
        assertEquals(avk, StmAggregateVerificationKey.decode(avk.toJsonHex()));
        assertEquals(avk, StmAggregateVerificationKey.decode(Bytes.HEX.formatHex(avk.toBincode())));
        byte[] msg = new byte[1 + random.nextInt(64)];
        random.nextBytes(msg);
        List<StmSingleSignature> sigs = new ArrayList<>();
        long distinct = 0;
        java.util.Set<Long> won = new java.util.HashSet<>();
        for (StmInitializer init : inits) {
            StmVerificationKeyPoP pk = init.verificationKeyPoP();
            assertEquals(pk, StmVerificationKeyPoP.decode(pk.toJsonHex()));
            assertEquals(
                    pk.toJsonHex(),
                    StmVerificationKeyPoP.decode(Bytes.HEX.formatHex(pk.toBytes()))
                            .toJsonHex());
            StmSigner signer = init.createSigner(closed);
            Optional<StmSingleSignature> s = signer.sign(msg);
            if (s.isPresent()) {
                StmSingleSignature sig = s.get();
                sig.verify(params, closed.parties().get((int) sig.signerIndex()), avk, msg);
                assertEquals(sig, StmSingleSignature.decode(sig.toJsonHex()));
                assertEquals(
                        sig.toJsonHex(),
                        StmSingleSignature.decode(Bytes.HEX.formatHex(sig.toBytes()))
                                .toJsonHex());
                sigs.add(sig);
                for (long i : sig.indexes()) {
                    won.add(i);
                }
            }
        }
        distinct = won.size();
        StmClerk clerk = new StmClerk(params, closed);
        if (distinct >= params.k()) {
            StmAggregateSignature agg = clerk.aggregate(sigs, msg);
            agg.verify(msg, avk, params);
            String hex = agg.toJsonHex();
            StmAggregateSignature decoded = StmAggregateSignature.decode(hex);
            assertEquals(hex, decoded.toJsonHex());
            assertEquals(agg, StmAggregateSignature.decode(Bytes.HEX.formatHex(agg.toBytes())));
            decoded.verify(msg, avk, params);
            byte[] other = msg.clone();
            other[0] ^= 1;
            assertThrows(StmException.class, () -> agg.verify(other, avk, params));
        } else {
            assertThrows(StmException.NotEnoughSignatures.class, () -> clerk.aggregate(sigs, msg));
        }
    }
}
