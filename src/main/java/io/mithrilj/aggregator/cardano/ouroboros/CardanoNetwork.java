package io.mithrilj.aggregator.cardano.ouroboros;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * A Cardano network and its magic (upstream {@code CardanoNetwork}): the named networks have fixed magics,
 * {@code private} takes the configured one. The DMQ magic is the Cardano one with bit 31 set.
 */
public record CardanoNetwork(String name, long magic) {

    public static final long MAINNET_MAGIC = 764824073L;

    public CardanoNetwork {
        if (magic < 0 || magic > 0xffff_ffffL)
            throw new IllegalArgumentException("network magic out of range: " + magic);
    }

    /** From {@code NETWORK} and {@code NETWORK_MAGIC}; the magic is ignored for named networks, as upstream. */
    public static CardanoNetwork of(String network, OptionalLong configuredMagic) {
        String n = network.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "mainnet" -> new CardanoNetwork(n, MAINNET_MAGIC);
            case "preprod" -> new CardanoNetwork(n, 1);
            case "preview" -> new CardanoNetwork(n, 2);
            case "devnet" -> new CardanoNetwork(n, 42);
            case "private" ->
                new CardanoNetwork(
                        n,
                        configuredMagic.orElseThrow(
                                () -> new IllegalArgumentException("NETWORK_MAGIC is required for a private network")));
            default -> throw new IllegalArgumentException("unknown network '" + network + "'");
        };
    }

    public boolean isMainnet() {
        return magic == MAINNET_MAGIC;
    }

    /** The magic the aggregator's DMQ node uses for this network. */
    public long dmqMagic() {
        return magic | 0x8000_0000L;
    }
}
