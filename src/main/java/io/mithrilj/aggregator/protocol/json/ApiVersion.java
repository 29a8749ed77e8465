package io.mithrilj.aggregator.protocol.json;

/**
 * The openapi version implemented, sent in {@code mithril-api-version} by the API and by every client of ours (a
 * follower to its leader, the devnet signers, {@code tools verify-certificate-chain}); pinned to openapi.yaml by a
 * test.
 */
public final class ApiVersion {
    /** openapi.yaml {@code info.version} of Mithril 2603.1. */
    public static final String VERSION = "0.1.57";

    public static final String HEADER = "mithril-api-version";

    private ApiVersion() {}
}
