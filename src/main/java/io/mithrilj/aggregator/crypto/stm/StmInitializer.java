package io.mithrilj.aggregator.crypto.stm;

import java.security.SecureRandom;

/**
 * Upstream {@code Initializer}: a party's stake, the parameters, its signing key and its vk+PoP, before the
 * registration is closed. {@link #toString()} redacts the key.
 */
public final class StmInitializer {

    private final long stake;
    private final StmParameters params;
    private final StmSigningKey sk;
    private final StmVerificationKeyPoP pk;

    public StmInitializer(StmParameters params, long stake, StmSigningKey sk) {
        this.stake = stake;
        this.params = params;
        this.sk = sk;
        this.pk = StmVerificationKeyPoP.of(sk);
    }

    public static StmInitializer generate(StmParameters params, long stake, SecureRandom random) {
        return new StmInitializer(params, stake, StmSigningKey.generate(random));
    }

    public long stake() {
        return stake;
    }

    public StmParameters params() {
        return params;
    }

    public StmVerificationKeyPoP verificationKeyPoP() {
        return pk;
    }

    /** The signer for a closed registration that contains this party's key. */
    public StmSigner createSigner(StmClosedKeyRegistration registration) throws StmException.UnregisteredParty {
        int index = registration.indexOf(pk.vk());
        if (index < 0) {
            throw new StmException.UnregisteredParty("initializer key is not in the closed registration");
        }
        StmRegisteredParty party = registration.parties().get(index);
        return new StmSigner(index, party.stake(), params, sk, pk.vk(), registration.aggregateVerificationKey());
    }

    @Override
    public String toString() {
        return "StmInitializer[stake=" + Long.toUnsignedString(stake) + ", " + pk.vk() + ", sk=redacted]";
    }
}
