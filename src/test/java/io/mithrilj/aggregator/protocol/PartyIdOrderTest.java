package io.mithrilj.aggregator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Party ids sort as Rust sorts {@code String}s: by their UTF-8 bytes. */
class PartyIdOrderTest {

    @Property(tries = 500)
    void ordersAsUtf8Bytes(@ForAll String a, @ForAll String b) {
        int expected = Integer.signum(
                Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(PartyIdOrder.BYTES.compare(a, b))).isEqualTo(expected);
    }

    @Test
    void differsFromUtf16OrderAboveTheSurrogates() {
        String supplementary = new String(Character.toChars(0x1F600));
        String privateUse = "\uE000";
        assertThat(supplementary.compareTo(privateUse)).isNegative(); // UTF-16: surrogate units sort first
        assertThat(PartyIdOrder.BYTES.compare(supplementary, privateUse)).isPositive();
    }
}
