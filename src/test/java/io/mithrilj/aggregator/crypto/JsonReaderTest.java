package io.mithrilj.aggregator.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    private static Object read(String json) {
        return JsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTreeTheCodecsWalk() {
        Object tree = read(
                " {\"sigma\":[0,127,128,255],\"n\":18446744073709551615,\"h\":null,\"x\":-1.5,\"s\":\"a\\u0062\"} ");
        assertThat(tree).isInstanceOf(Map.class);
        Map<?, ?> o = (Map<?, ?>) tree;
        assertThat(List.copyOf(o.keySet())).isEqualTo(List.of("sigma", "n", "h", "x", "s"));
        assertThat(o.get("sigma")).isEqualTo(List.of(0L, 127L, 128L, 255L));
        assertThat(o.get("n")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(o.get("h")).isSameAs(JsonReader.NULL);
        assertThat(o.get("x")).isEqualTo(new BigDecimal("-1.5"));
        assertThat(o.get("s")).isEqualTo("ab");
        assertThat(read("[9223372036854775807,-3]")).isEqualTo(List.of(Long.MAX_VALUE, -3L));
    }

    @Test
    void malformedInputIsATypedErrorSayingWhatAndWhere() {
        assertThatThrownBy(() -> read("{\"a\":1,\"a\":2}"))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("JSON: duplicate field 'a'");
        assertThatThrownBy(() -> read("[1] x"))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("JSON: ")
                .hasMessageEndingWith(" at 4");
        assertThatThrownBy(() -> read("[1,2"))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("JSON: ");
        assertThatThrownBy(() -> read("[01]"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("JSON: ");
        assertThatThrownBy(() -> read("")).isInstanceOf(CodecException.class).hasMessage("JSON: unexpected end at 0");
        assertThatThrownBy(() -> read("[".repeat(200) + "]".repeat(200)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("depth");
    }
}
