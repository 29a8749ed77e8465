package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.config.ApiSettings;

/** Metric label values from the client headers, as upstream's {@code with_client_metadata}. */
record ClientLabels(String originTag, String clientType) {

    static final String ORIGIN_TAG_HEADER = "mithril-origin-tag";
    static final String CLIENT_TYPE_HEADER = "mithril-client-type";

    static ClientLabels of(ApiSettings settings, String originTagHeader, String clientTypeHeader) {
        return new ClientLabels(settings.originTag(originTagHeader), settings.clientType(clientTypeHeader));
    }

    String[] values() {
        return new String[] {originTag, clientType};
    }
}
