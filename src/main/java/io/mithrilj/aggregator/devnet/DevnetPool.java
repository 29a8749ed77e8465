package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.crypto.kes.KesPeriods;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSigningKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * One simulated Cardano stake pool: its Ed25519 cold key, a Sum6 KES key, the operational certificate the
 * cold key issued for it, and its stake in lovelace. The party id is the bech32 pool id ({@code pool1…},
 * Blake2b-224 of the cold verification key), as for a real SPO. Immutable: {@link #renew} issues a new KES
 * key and certificate, as an operator does before the KES key expires.
 *
 * <p>The KES key is kept at its start period and evolved for a signature, as upstream's
 * {@code KesSignerStandard} does with the key file (which always holds a period-0 key); the last evolved key is
 * kept so that signing at a later period only evolves the difference. Thread-safe.
 */
public final class DevnetPool {
    private final Ed25519SigningKey coldKey;
    private final byte[] kesKeyAtStart;
    private final OperationalCertificate opcert;
    private final long stake;
    /** The KES key evolved for the latest signature (guarded by {@code kesKeyAtStart}). */
    private Sum6KesSigningKey evolvedKesKey;

    private DevnetPool(Ed25519SigningKey coldKey, Sum6KesSigningKey kesKey, OperationalCertificate opcert, long stake) {
        this.coldKey = coldKey;
        this.kesKeyAtStart = kesKey.toBytes();
        this.opcert = opcert;
        this.stake = stake;
    }

    /**
     * A new pool: cold key and KES key drawn from {@code random} ({@code SecureRandom} in production, a seeded
     * generator in tests), certificate issue number 0 starting at {@code startKesPeriod}.
     */
    public static DevnetPool generate(long stake, long startKesPeriod, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (stake <= 0) {
            throw new IllegalArgumentException("a devnet pool needs a positive stake, got " + stake);
        }
        Ed25519SigningKey cold = Ed25519SigningKey.fromSeed(seed(random));
        return issue(cold, 0, startKesPeriod, stake, random);
    }

    /**
     * {@code stakes.length} new pools, one per stake, at {@code startKesPeriod}. The key material is drawn from
     * {@code random} in pool order (so a seeded generator gives the same pools every time), the keys are derived on
     * all cores.
     */
    public static List<DevnetPool> generateAll(long[] stakes, long startKesPeriod, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        byte[][] coldSeeds = new byte[stakes.length][];
        byte[][] kesSeeds = new byte[stakes.length][];
        for (int i = 0; i < stakes.length; i++) {
            if (stakes[i] <= 0) {
                throw new IllegalArgumentException("a devnet pool needs a positive stake, got " + stakes[i]);
            }
            coldSeeds[i] = seed(random);
            kesSeeds[i] = seed(random);
        }
        return IntStream.range(0, stakes.length)
                .parallel()
                .mapToObj(i -> {
                    try {
                        return issue(
                                Ed25519SigningKey.fromSeed(coldSeeds[i]), 0, startKesPeriod, stakes[i], kesSeeds[i]);
                    } finally {
                        Arrays.fill(coldSeeds[i], (byte) 0);
                    }
                })
                .toList();
    }

    private static DevnetPool issue(
            Ed25519SigningKey cold, long issueNumber, long startKesPeriod, long stake, RandomGenerator random) {
        return issue(cold, issueNumber, startKesPeriod, stake, seed(random));
    }

    private static DevnetPool issue(
            Ed25519SigningKey cold, long issueNumber, long startKesPeriod, long stake, byte[] kesSeed) {
        if (startKesPeriod < 0) {
            throw new IllegalArgumentException("negative start KES period " + startKesPeriod);
        }
        try {
            Sum6KesSigningKey kes = Sum6KesSigningKey.generate(kesSeed);
            OperationalCertificate opcert =
                    OperationalCertificate.create(kes.publicKey(), issueNumber, startKesPeriod, cold);
            DevnetPool pool = new DevnetPool(cold, kes, opcert, stake);
            kes.erase();
            return pool;
        } finally {
            Arrays.fill(kesSeed, (byte) 0);
        }
    }

    private static byte[] seed(RandomGenerator random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return seed;
    }

    /** The same pool (cold key, stake) with a fresh KES key and a certificate of the next issue number. */
    public DevnetPool renew(long startKesPeriod, RandomGenerator random) {
        return issue(coldKey, opcert.issueNumber() + 1, startKesPeriod, stake, random);
    }

    /** The Mithril party id: bech32 {@code pool1…} of the pool id. */
    public String partyId() {
        return opcert.partyId();
    }

    /** The pool id (Blake2b-224 of the cold verification key) as hex. */
    public String poolIdHex() {
        return opcert.poolIdHex();
    }

    public long stake() {
        return stake;
    }

    public OperationalCertificate operationalCertificate() {
        return opcert;
    }

    public Ed25519VerificationKey coldVerificationKey() {
        return coldKey.verificationKey();
    }

    /**
     * KES evolutions of the key at the chain's absolute KES period ({@code current − start}).
     *
     * @throws DevnetException when the period is before the certificate's start (upstream
     *     {@code KesSignError::PeriodMismatch})
     */
    public long kesEvolutions(long currentKesPeriod) {
        if (currentKesPeriod < opcert.startKesPeriod()) {
            throw new DevnetException("KES period mismatch: the operational certificate of " + partyId()
                    + " starts at KES period " + opcert.startKesPeriod() + ", after the current period "
                    + currentKesPeriod);
        }
        return currentKesPeriod - opcert.startKesPeriod();
    }

    /**
     * Signs with the KES key evolved to the chain's absolute KES period (upstream
     * {@code KesSignerStandard::sign}).
     *
     * @throws DevnetException when the period is before the certificate's start
     * @throws io.mithrilj.aggregator.crypto.kes.KesPeriodOutOfRangeException when the key has expired (64 or more
     *     evolutions): {@link #renew} it
     */
    public Sum6KesSignature kesSign(byte[] message, long currentKesPeriod) {
        kesEvolutions(currentKesPeriod); // a period before the certificate is a mismatch, not an expiry
        int period = KesPeriods.checkedEvolutions(currentKesPeriod, opcert.startKesPeriod());
        synchronized (kesKeyAtStart) {
            // evolving from the start costs up to a few hundred Ed25519 key generations: keep the last evolved key
            if (evolvedKesKey != null && evolvedKesKey.period() > period) {
                evolvedKesKey.erase(); // a key cannot evolve backwards: start again from the certificate's period
                evolvedKesKey = null;
            }
            if (evolvedKesKey == null) {
                evolvedKesKey = Sum6KesSigningKey.fromBytes(kesKeyAtStart);
            }
            evolvedKesKey.updateTo(period);
            return evolvedKesKey.sign(message);
        }
    }

    @Override
    public String toString() {
        return "DevnetPool[" + partyId() + ", stake=" + stake + ", opcert issue " + opcert.issueNumber()
                + " from KES period " + opcert.startKesPeriod() + ", keys redacted]";
    }
}
