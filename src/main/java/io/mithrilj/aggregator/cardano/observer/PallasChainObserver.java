package io.mithrilj.aggregator.cardano.observer;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.lsq.LocalStateQueryClient;
import io.mithrilj.aggregator.cardano.lsq.LocalStateQueryException;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.cardano.ouroboros.Handshake;
import io.mithrilj.aggregator.cardano.ouroboros.HandshakeVersions;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.crypto.kes.Bech32;
import io.mithrilj.aggregator.protocol.Epoch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chain observer on the node's socket ({@code CHAIN_OBSERVER_TYPE=pallas}, upstream
 * {@code PallasChainObserver}): local state queries over node-to-client.
 *
 * <p>One connection per call, as upstream: connect, handshake, acquire the tip, query, release, done on
 * local state query and chain-sync, close. A call is a few queries once per cycle and a local handshake costs
 * well under a millisecond, so there is nothing to gain by keeping a connection, and a node restart is then
 * just one failed call: the next one connects afresh, with no stale state to detect.
 */
public final class PallasChainObserver implements ChainObserver {

    /** pallas' era tags are the hard-fork era index + 1; the names are its {@code Era} display names. */
    private static final List<String> ERA_NAMES =
            List.of("Byron", "Shelley", "Allegra", "Mary", "Alonzo", "Babbage", "Conway");

    private static final int CHAIN_SYNC = 5;

    private final Path socket;
    private final CardanoNetwork network;
    private final Duration timeout;

    public PallasChainObserver(Path socket, CardanoNetwork network, Duration timeout) {
        this.socket = socket;
        this.network = network;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> currentEra() {
        return Optional.of(call(q -> eraName(q.currentEra())));
    }

    @Override
    public Optional<Epoch> currentEpoch() {
        return Optional.of(call(q -> new Epoch(q.epochNo(q.currentEra()))));
    }

    @Override
    public Optional<ChainPoint> currentChainPoint() {
        return Optional.of(call(q -> {
            Point point = q.chainPoint();
            long blockNumber = q.chainBlockNo()
                    .orElseThrow(() -> new LocalStateQueryException(
                            LocalStateQueryException.Kind.UNEXPECTED_RESULT,
                            "the node is at the origin: no block number yet",
                            null));
            return new ChainPoint(point.slot(), blockNumber, point.hashHex());
        }));
    }

    @Override
    public Map<String, Long> currentStakeDistribution() {
        return call(q -> stakeDistribution(q.stakeSnapshotMark(q.currentEra())));
    }

    /** Pools with a mark stake above zero, their key hashes as bech32 {@code pool1…} ids, in the node's order. */
    public static Map<String, Long> stakeDistribution(Map<String, Long> markByPoolHash) {
        Map<String, Long> stakes = new LinkedHashMap<>();
        HexFormat hex = HexFormat.of();
        markByPoolHash.forEach((pool, mark) -> {
            if (mark > 0) stakes.put(Bech32.encode("pool", hex.parseHex(pool)), mark);
        });
        return stakes;
    }

    @Override
    public Optional<Long> currentKesPeriod() {
        return Optional.of(call(q -> {
            Point point = q.chainPoint();
            long slotsPerKesPeriod = q.slotsPerKesPeriod(q.currentEra());
            if (slotsPerKesPeriod == 0)
                throw new LocalStateQueryException(
                        LocalStateQueryException.Kind.UNEXPECTED_RESULT, "slotsPerKESPeriod is 0 in the genesis", null);
            return point.slot() / slotsPerKesPeriod;
        }));
    }

    @Override
    public List<String> currentDatums(String address) {
        byte[] addressBytes;
        try {
            addressBytes = Bech32.decode(address).data();
        } catch (RuntimeException e) {
            throw new ChainObserverException("invalid Cardano address '" + address + "': " + e.getMessage(), e);
        }
        return call(q -> {
            List<String> datums = new ArrayList<>();
            for (byte[] datum : q.inlineDatumsAt(q.currentEra(), addressBytes))
                datums.add(PlutusDataJson.render(datum));
            return datums;
        });
    }

    static String eraName(int eraIndex) {
        if (eraIndex < 0 || eraIndex >= ERA_NAMES.size())
            throw new LocalStateQueryException(
                    LocalStateQueryException.Kind.UNEXPECTED_RESULT, "unknown era index " + eraIndex, null);
        return ERA_NAMES.get(eraIndex);
    }

    /** One connection: handshake, acquire, the queries, release and done; every failure named after the socket. */
    private <T> T call(Function<LocalStateQueryClient, T> queries) {
        try (Multiplexer mux = Multiplexer.connect(socket, timeout)) {
            Handshake.propose(mux, HandshakeVersions.nodeToClient(network.magic()));
            LocalStateQueryClient client = new LocalStateQueryClient(mux);
            client.acquireVolatileTip();
            T result = queries.apply(client);
            client.releaseAndDone();
            mux.send(CHAIN_SYNC, new CborWriter().array(1).unsigned(7).toByteArray());
            return result;
        } catch (OuroborosException e) {
            throw new ChainObserverException("cannot reach the Cardano node at " + socket + ": " + e.getMessage(), e);
        } catch (LocalStateQueryException | CborException e) {
            throw new ChainObserverException(
                    "the Cardano node at " + socket + " gave an unusable answer: " + e.getMessage(), e);
        }
    }
}
