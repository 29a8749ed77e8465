package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.crypto.kes.Bech32;
import io.mithrilj.aggregator.crypto.kes.KesPeriodOutOfRangeException;
import io.mithrilj.aggregator.crypto.kes.KesSignatureInvalidException;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6Kes;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class DevnetPoolTest {
    private static final byte[] MESSAGE = "stm key".getBytes(StandardCharsets.US_ASCII);

    @Test
    void partyIdIsTheBech32PoolIdOfTheColdKeyAndTheOpcertIsValid() {
        DevnetPool pool = DevnetPool.generate(1_000, 7, new SplittableRandom(1));

        Blake2bDigest digest = new Blake2bDigest(224);
        byte[] cold = pool.coldVerificationKey().toBytes();
        digest.update(cold, 0, cold.length);
        byte[] poolId = new byte[28];
        digest.doFinal(poolId, 0);
        assertThat(pool.poolIdHex()).isEqualTo(HexFormat.of().formatHex(poolId));
        assertThat(pool.partyId()).startsWith("pool1").isEqualTo(Bech32.encode("pool", poolId));

        OperationalCertificate opcert = pool.operationalCertificate();
        assertThat(opcert.isValid()).isTrue();
        assertThat(opcert.issueNumber()).isZero();
        assertThat(opcert.startKesPeriod()).isEqualTo(7);
        assertThat(opcert.coldVerificationKey()).isEqualTo(pool.coldVerificationKey());
        // the certificate survives its wire form
        assertThat(OperationalCertificate.decode(opcert.toJsonHex())).isEqualTo(opcert);
    }

    @Test
    void seededGenerationIsReproducibleAndSeedsGiveDifferentPools() {
        DevnetPool a = DevnetPool.generate(5, 0, new SplittableRandom(42));
        DevnetPool b = DevnetPool.generate(5, 0, new SplittableRandom(42));
        DevnetPool c = DevnetPool.generate(5, 0, new SplittableRandom(43));
        assertThat(a.partyId()).isEqualTo(b.partyId());
        assertThat(a.operationalCertificate()).isEqualTo(b.operationalCertificate());
        assertThat(c.partyId()).isNotEqualTo(a.partyId());

        List<DevnetPool> all = DevnetPool.generateAll(new long[] {1, 2, 3}, 4, new SplittableRandom(9));
        List<DevnetPool> again = DevnetPool.generateAll(new long[] {1, 2, 3}, 4, new SplittableRandom(9));
        assertThat(all).extracting(DevnetPool::partyId).doesNotHaveDuplicates();
        assertThat(all)
                .extracting(DevnetPool::partyId)
                .containsExactlyElementsOf(
                        again.stream().map(DevnetPool::partyId).toList());
        assertThat(all).extracting(DevnetPool::stake).containsExactly(1L, 2L, 3L);
    }

    @Test
    void kesSignatureVerifiesAtTheEvolutionsOfTheChainPeriodOnly() {
        DevnetPool pool = DevnetPool.generate(5, 10, new SplittableRandom(3));
        Sum6KesSignature signature = pool.kesSign(MESSAGE, 13);

        assertThat(pool.kesEvolutions(13)).isEqualTo(3);
        Sum6Kes.verify(3, pool.operationalCertificate().kesVerificationKey(), MESSAGE, signature);
        assertThatThrownBy(
                        () -> Sum6Kes.verify(2, pool.operationalCertificate().kesVerificationKey(), MESSAGE, signature))
                .isInstanceOf(KesSignatureInvalidException.class);
    }

    @Test
    void signaturesAtAnyPeriodOrderVerifyAtTheirOwnPeriod() {
        DevnetPool pool = DevnetPool.generate(5, 0, new SplittableRandom(4));
        for (long period : new long[] {40, 41, 63, 2, 0, 33}) {
            Sum6Kes.verify(
                    period, pool.operationalCertificate().kesVerificationKey(), MESSAGE, pool.kesSign(MESSAGE, period));
        }
    }

    @Test
    void aPeriodBeforeTheCertificateOrBeyondTheKeyLifetimeIsRefused() {
        DevnetPool pool = DevnetPool.generate(5, 10, new SplittableRandom(3));

        assertThatThrownBy(() -> pool.kesSign(MESSAGE, 9))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("starts at KES period 10, after the current period 9");
        assertThatThrownBy(() -> pool.kesSign(MESSAGE, 10 + 64)).isInstanceOf(KesPeriodOutOfRangeException.class);
    }

    @Test
    void renewalKeepsPartyIdAndStakeWithAFreshKesKeyAndTheNextIssueNumber() {
        DevnetPool pool = DevnetPool.generate(77, 0, new SplittableRandom(5));
        DevnetPool renewed = pool.renew(60, new SplittableRandom(6));

        assertThat(renewed.partyId()).isEqualTo(pool.partyId());
        assertThat(renewed.stake()).isEqualTo(77);
        assertThat(renewed.operationalCertificate().issueNumber()).isEqualTo(1);
        assertThat(renewed.operationalCertificate().startKesPeriod()).isEqualTo(60);
        assertThat(renewed.operationalCertificate().kesVerificationKey())
                .isNotEqualTo(pool.operationalCertificate().kesVerificationKey());
        assertThat(renewed.operationalCertificate().isValid()).isTrue();
        Sum6Kes.verify(
                70 - 60, renewed.operationalCertificate().kesVerificationKey(), MESSAGE, renewed.kesSign(MESSAGE, 70));
    }

    @Test
    void toStringRedactsKeys() {
        DevnetPool pool = DevnetPool.generate(5, 0, new SplittableRandom(8));
        String kesKeyHex = pool.operationalCertificate().kesVerificationKey().toHex();
        assertThat(pool.toString())
                .contains(pool.partyId(), "redacted")
                .doesNotContain(kesKeyHex)
                .doesNotContain(pool.coldVerificationKey().toBytesHex());
    }

    @Test
    void stakesMustBePositive() {
        assertThatThrownBy(() -> DevnetPool.generate(0, 0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive stake");
    }
}
