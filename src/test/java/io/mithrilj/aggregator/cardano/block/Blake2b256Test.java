package io.mithrilj.aggregator.cardano.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2b256Test {

    static String hash(byte[] data) {
        Blake2b256 d = new Blake2b256();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    void knownVectors() {
        assertThat(hash(new byte[0])).isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(hash("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Property(tries = 300)
    void equalsBouncyCastleForAnyLengthAndChunking(
            @ForAll @IntRange(min = 0, max = 1200) int length, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[length];
        random.nextBytes(data);
        Blake2bDigest reference = new Blake2bDigest(256);
        reference.update(data, 0, data.length);
        byte[] expected = new byte[32];
        reference.doFinal(expected, 0);

        Blake2b256 mine = new Blake2b256();
        for (int round = 0; round < 2; round++) { // also checks the reset after doFinal
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, random.nextInt(300));
                mine.update(data, at, n);
                at += n;
            }
            byte[] out = new byte[32];
            mine.doFinal(out, 0);
            assertThat(out).isEqualTo(expected);
        }
    }
}
