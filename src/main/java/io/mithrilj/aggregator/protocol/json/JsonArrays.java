package io.mithrilj.aggregator.protocol.json;

import java.util.List;

/** JSON array text from element texts (upstream list messages built from stored item texts). */
public final class JsonArrays {
    private JsonArrays() {}

    public static String join(List<String> items) {
        int size = 2 + items.size();
        for (String s : items) size += s.length();
        StringBuilder out = new StringBuilder(size).append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(',');
            out.append(items.get(i));
        }
        return out.append(']').toString();
    }
}
