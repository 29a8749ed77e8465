package io.mithrilj.aggregator.service;

import java.util.List;

/** JSON array text from element texts. */
final class JsonArrays {
    private JsonArrays() {}

    static String join(List<String> items) {
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
