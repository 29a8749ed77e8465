package io.mithrilj.aggregator.cardano.observer;

import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborType;
import java.util.HexFormat;

/**
 * Plutus data (CBOR) rendered as cardano-cli's "detailed schema" JSON, compact (upstream {@code TxDatum} from
 * pallas' {@code PlutusData}): {@code {"constructor":n,"fields":[…]}}, {@code {"bytes":"…"}}, {@code {"int":n}},
 * {@code {"list":[…]}}, {@code {"map":[{"k":…,"v":…}]}}.
 */
public final class PlutusDataJson {

    private PlutusDataJson() {}

    public static String render(byte[] plutusData) {
        CborReader r = new CborReader(plutusData);
        StringBuilder out = new StringBuilder();
        write(r, out, 0);
        r.expectEnd();
        return out.toString();
    }

    private static void write(CborReader r, StringBuilder out, int depth) {
        if (depth > 64)
            throw new CborException(CborException.Kind.TOO_DEEP, r.position(), "plutus data nested too deep");
        CborType type = r.peekType();
        switch (type) {
            case UNSIGNED, NEGATIVE ->
                out.append("{\"int\":").append(r.readBigInteger()).append('}');
            case BYTES ->
                out.append("{\"bytes\":\"")
                        .append(HexFormat.of().formatHex(r.readBytes()))
                        .append("\"}");
            case ARRAY -> {
                out.append("{\"list\":");
                writeList(r, out, depth);
                out.append('}');
            }
            case MAP -> {
                out.append("{\"map\":[");
                int n = r.readMapHeader();
                for (int i = 0; r.hasNext(n, i); i++) {
                    if (i > 0) out.append(',');
                    out.append("{\"k\":");
                    write(r, out, depth + 1);
                    out.append(",\"v\":");
                    write(r, out, depth + 1);
                    out.append('}');
                }
                out.append("]}");
            }
            case TAG -> {
                int start = r.position();
                long tag = r.readTag();
                long constructor;
                if (tag >= 121 && tag <= 127) constructor = tag - 121;
                else if (tag >= 1280 && tag <= 1400) constructor = tag - 1280 + 7;
                else if (tag == 102) {
                    r.readArrayHeader(2, "general constructor");
                    constructor = r.readUnsigned();
                } else if (tag == 2 || tag == 3) {
                    // a big integer: re-read it with its tag
                    CborReader again = new CborReader(r.source(), start, r.remaining() + (r.position() - start));
                    out.append("{\"int\":").append(again.readBigInteger()).append('}');
                    r.skip();
                    return;
                } else {
                    throw new CborException(CborException.Kind.UNEXPECTED, start, "tag " + tag + " is not plutus data");
                }
                out.append("{\"constructor\":").append(constructor).append(",\"fields\":");
                writeList(r, out, depth);
                out.append('}');
            }
            default ->
                throw new CborException(CborException.Kind.UNEXPECTED, r.position(), type + " is not plutus data");
        }
    }

    private static void writeList(CborReader r, StringBuilder out, int depth) {
        out.append('[');
        int n = r.readArrayHeader();
        for (int i = 0; r.hasNext(n, i); i++) {
            if (i > 0) out.append(',');
            write(r, out, depth + 1);
        }
        out.append(']');
    }
}
