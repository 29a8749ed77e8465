package io.mithrilj.aggregator.cardano.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.cbor.CborException.Kind;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CborReaderTest {

    static final HexFormat HEX = HexFormat.of();

    static byte[] block(String name) throws IOException {
        String text = Files.readString(UpstreamReference.cardanoTestData("blocks/" + name));
        return HEX.parseHex(text.replaceAll("\\s", ""));
    }

    @Test
    void readsRfc8949Examples() {
        assertThat(CborReader.decode(HEX.parseHex("1bffffffffffffffff")))
                .isEqualTo(new CborValue.Int(new BigInteger("18446744073709551615")));
        assertThat(CborReader.decode(HEX.parseHex("3bffffffffffffffff")))
                .isEqualTo(new CborValue.Int(new BigInteger("-18446744073709551616")));
        assertThat(CborReader.decode(HEX.parseHex("c249010000000000000000")))
                .isEqualTo(new CborValue.Int(new BigInteger("18446744073709551616")));
        assertThat(CborReader.decode(HEX.parseHex("5f42010243030405ff")))
                .isEqualTo(new CborValue.Bytes(new byte[] {1, 2, 3, 4, 5}));
        assertThat(CborReader.decode(HEX.parseHex("7f657374726561646d696e67ff")))
                .isEqualTo(new CborValue.Text("streaming"));
        assertThat(CborReader.decode(HEX.parseHex("9f018202039f0405ffff")))
                .isEqualTo(new CborValue.Array(
                        List.of(
                                CborValue.Int.of(1),
                                CborValue.Array.of(CborValue.Int.of(2), CborValue.Int.of(3)),
                                new CborValue.Array(List.of(CborValue.Int.of(4), CborValue.Int.of(5)), true)),
                        true));
        assertThat(CborReader.decode(HEX.parseHex("f97c00"))).isEqualTo(new CborValue.Float(Double.POSITIVE_INFINITY));
        assertThat(CborReader.decode(HEX.parseHex("d8184401020304")))
                .isEqualTo(new CborValue.Tag(24, new CborValue.Bytes(new byte[] {1, 2, 3, 4})));
    }

    @Test
    void writerUsesShortestHeadsAndBigNumbers() {
        assertThat(HEX.formatHex(new CborWriter()
                        .array(5)
                        .unsigned(23)
                        .unsigned(24)
                        .integer(-500)
                        .unsigned(65536)
                        .integer(BigInteger.TWO.pow(64))
                        .toByteArray()))
                .isEqualTo("851718183901f31a00010000c249010000000000000000");
    }

    @Property(tries = 300)
    void encodeThenDecodeGivesTheSameValueAndEverySpanReDecodes(@ForAll("values") CborValue value) {
        byte[] bytes = CborWriter.encode(value);
        assertThat(CborReader.decode(bytes)).isEqualTo(value);
        assertSpansReDecode(new CborSpan(bytes, 0, bytes.length), value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "byron2.block",
                "shelley1.block",
                "allegra1.block",
                "mary1.block",
                "alonzo1.block",
                "conway1.block"
            })
    void everyItemOfTheFixtureBlocksReDecodesFromItsRawSpan(String name) throws IOException {
        byte[] bytes = block(name);
        CborValue value = CborReader.decode(bytes);
        assertSpansReDecode(new CborSpan(bytes, 0, bytes.length), value);
        // the reader's spans are the original bytes: the outer span is the whole input
        assertThat(new CborReader(bytes).readRaw().bytes()).isEqualTo(bytes);
    }

    @Test
    void fixtureChunkFilesAreSequencesOfItems() throws IOException {
        byte[] chunk = Files.readAllBytes(UpstreamReference.cardanoTestData("immutable/00001.chunk"));
        CborReader r = new CborReader(chunk);
        int items = 0;
        while (!r.atEnd()) {
            CborSpan s = r.readRaw();
            assertSpansReDecode(s, CborReader.decode(s.bytes()));
            items++;
        }
        assertThat(items).isEqualTo(100);
    }

    /** Decodes the span, then checks that each child's raw span decodes to the same child. */
    static void assertSpansReDecode(CborSpan span, CborValue expected) {
        assertThat(CborReader.decode(span.bytes())).isEqualTo(expected);
        CborReader r = span.reader();
        switch (expected) {
            case CborValue.Array a -> {
                int n = r.readArrayHeader();
                for (int i = 0; r.hasNext(n, i); i++) assertSpansReDecode(r.readRaw(), a.get(i));
            }
            case CborValue.Map m -> {
                int n = r.readMapHeader();
                for (int i = 0; r.hasNext(n, i); i++) {
                    assertSpansReDecode(r.readRaw(), m.entries().get(i).key());
                    assertSpansReDecode(r.readRaw(), m.entries().get(i).value());
                }
            }
            case CborValue.Tag t -> {
                r.readTag();
                assertSpansReDecode(r.readRaw(), t.content());
            }
            default -> {}
        }
    }

    @Test
    void everyProperPrefixOfABlockIsTruncated() throws IOException {
        byte[] bytes = block("alonzo1.block");
        for (int n = 0; n < bytes.length; n += 7) {
            byte[] prefix = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> CborReader.decode(prefix))
                    .isInstanceOfSatisfying(
                            CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5bffffffffffffffff", // byte string of 2^64-1 bytes
                "5b7fffffffffffffff00",
                "7a7fffffff61",
                "9b7fffffffffffffff01", // array of 2^63-1 items
                "9a7fffffff0102",
                "bb0000000100000000010203", // map of 2^32 pairs
                "5f5a7fffffff00ff" // indefinite bytes with a huge chunk
            })
    void hugeDeclaredLengthsAreTruncatedWithoutAllocating(String hex) {
        byte[] bytes = HEX.parseHex(hex);
        assertThatThrownBy(() -> CborReader.decode(bytes))
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
        assertThatThrownBy(() -> new CborReader(bytes).skip())
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        byte[] deep = new byte[1_000_000];
        Arrays.fill(deep, (byte) 0x81);
        deep[deep.length - 1] = 0x00;
        assertThatThrownBy(() -> CborReader.decode(deep))
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
        assertThatThrownBy(() -> new CborReader(deep).skip())
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
        byte[] deepTags = new byte[300];
        Arrays.fill(deepTags, (byte) 0xc6);
        assertThatThrownBy(() -> CborReader.decode(deepTags))
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
    }

    @Test
    void otherMalformedInputsHaveTheirKind() {
        assertKind("1c", Kind.MALFORMED); // reserved additional information
        assertKind("ff", Kind.MALFORMED); // a lone break
        assertKind("5f6161ff", Kind.MALFORMED); // text chunk inside a byte string
        assertKind("62c328", Kind.MALFORMED); // invalid UTF-8
        assertKind("0000", Kind.TRAILING_BYTES);
        assertKind("8201", Kind.TRUNCATED);
        assertKind("9f01", Kind.TRUNCATED);
        assertThatThrownBy(() -> new CborReader(HEX.parseHex("1bffffffffffffffff")).readUnsigned())
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
        assertThatThrownBy(() -> new CborReader(HEX.parseHex("40")).readArrayHeader())
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED));
    }

    static void assertKind(String hex, Kind kind) {
        assertThatThrownBy(() -> CborReader.decode(HEX.parseHex(hex)))
                .isInstanceOfSatisfying(
                        CborException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Property(tries = 2000)
    void randomBytesGiveAValueOrATypedErrorNeverAnotherThrowable(@ForAll("garbage") byte[] bytes) {
        try {
            CborValue v = CborReader.decode(bytes);
            assertThat(CborReader.decode(CborWriter.encode(v))).isEqualTo(v);
        } catch (CborException expected) {
            assertThat(expected.kind()).isNotNull();
        }
    }

    @Property(tries = 500)
    void mutatedBlocksGiveAValueOrATypedError(@ForAll("positions") int position, @ForAll byte replacement)
            throws IOException {
        byte[] bytes = block("mary1.block");
        bytes[position % bytes.length] = replacement;
        try {
            CborReader r = new CborReader(bytes);
            r.skip();
            CborReader.decode(bytes);
        } catch (CborException expected) {
            assertThat(expected.kind()).isNotNull();
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        // biased toward heads so that containers and long lengths show up often
        Arbitrary<Byte> heads = Arbitraries.of(
                (byte) 0x9f,
                (byte) 0xbf,
                (byte) 0x5f,
                (byte) 0x7f,
                (byte) 0xff,
                (byte) 0x1b,
                (byte) 0x5b,
                (byte) 0x9b,
                (byte) 0xd8,
                (byte) 0x82,
                (byte) 0xa1,
                (byte) 0xf9,
                (byte) 0x3b);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.bytes()), net.jqwik.api.Tuple.of(2, heads))
                .array(byte[].class)
                .ofMaxSize(64);
    }

    @Provide
    Arbitrary<CborValue> values() {
        return value(4);
    }

    static Arbitrary<CborValue> value(int depth) {
        Arbitrary<CborValue> ints = Arbitraries.bigIntegers()
                .between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70))
                .map(CborValue.Int::new);
        Arbitrary<CborValue> longs = Arbitraries.longs().map(CborValue.Int::of);
        Arbitrary<CborValue> bytes =
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(CborValue.Bytes::new);
        Arbitrary<CborValue> texts = Arbitraries.strings().ofMaxLength(20).map(CborValue.Text::new);
        Arbitrary<CborValue> simples =
                Arbitraries.of(CborValue.Simple.TRUE, CborValue.Simple.FALSE, CborValue.Simple.NULL);
        Arbitrary<CborValue> floats = Arbitraries.doubles().map(CborValue.Float::new);
        Arbitrary<CborValue> leaf = Arbitraries.oneOf(ints, longs, bytes, texts, simples, floats);
        if (depth == 0) return leaf;
        Arbitrary<CborValue> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<CborValue> arrays = Arbitraries.integers()
                .between(0, 1)
                .flatMap(indef -> child.list().ofMaxSize(5).map(l -> new CborValue.Array(l, indef == 1)));
        Arbitrary<CborValue> maps = Arbitraries.integers()
                .between(0, 1)
                .flatMap(indef -> child.list().ofMaxSize(4).map(l -> {
                    List<CborValue.Entry> entries = new java.util.ArrayList<>();
                    for (int i = 0; i < l.size(); i++) entries.add(new CborValue.Entry(CborValue.Int.of(i), l.get(i)));
                    return new CborValue.Map(entries, indef == 1);
                }));
        Arbitrary<CborValue> tags =
                Arbitraries.longs().between(4, 100_000).flatMap(t -> child.map(c -> new CborValue.Tag(t, c)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(2, arrays),
                net.jqwik.api.Tuple.of(1, maps),
                net.jqwik.api.Tuple.of(1, tags));
    }
}
