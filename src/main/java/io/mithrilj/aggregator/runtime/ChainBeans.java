package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.cardano.era.EraReader;
import io.mithrilj.aggregator.cardano.era.EraReaderAdapterBuilder;
import io.mithrilj.aggregator.cardano.immutable.ImmutableFileSystemObserver;
import io.mithrilj.aggregator.cardano.observer.ChainObserverBuilder;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ImmutableFileObserver;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.devnet.DevnetNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The chain the aggregator reads, picked from CHAIN_OBSERVER_TYPE: the devnet's simulated chain ({@code fake}), or a
 * Cardano node through its socket ({@code pallas}) or through {@code cardano-cli}; the immutable files of
 * DB_DIRECTORY (the devnet's database, written as its chain advances, for {@code fake}); the era reader of ERA_READER_ADAPTER_TYPE. A node-backed
 * observer reports the outcome of each call to {@link CardanoNodeReadiness}.
 */
@ApplicationScoped
class ChainBeans {

    @Produces
    @ApplicationScoped
    ChainObserver chainObserver(
            AggregatorConfig config, Instance<DevnetNetwork> devnet, CardanoNodeReadiness readiness) {
        String type = config.chainObserverType();
        if (ApiSettings.DEVNET_OBSERVER.equals(type)) return devnet.get().chain();
        ChainObserver node = ChainObserverBuilder.build(
                type,
                Path.of(config.cardanoNodeSocketPath().orElse("")),
                config.cardanoCliPath().map(Path::of),
                CardanoNetwork.of(
                        config.network(),
                        config.networkMagic().map(OptionalLong::of).orElse(OptionalLong.empty())),
                ChainObserverBuilder.DEFAULT_TIMEOUT);
        return new ReportingChainObserver(node, readiness);
    }

    @Produces
    @ApplicationScoped
    ImmutableFileObserver immutableFileObserver(
            AggregatorConfig config, Instance<DevnetNetwork> devnet, NodeDatabaseDirectory dbDirectory) {
        // the devnet writes trios 0..N+1 before it reports N: its database is never behind what it reports
        if (ApiSettings.DEVNET_OBSERVER.equals(config.chainObserverType()))
            return devnet.get().immutableDb();
        return new ImmutableFileSystemObserver(dbDirectory.path());
    }

    @Produces
    @Singleton // a final class: no client proxy
    EraReader eraReader(AggregatorConfig config, ChainObserver chainObserver) {
        return new EraReader(EraReaderAdapterBuilder.build(
                EraReaderAdapterBuilder.AdapterType.fromSetting(config.eraReaderAdapterType()),
                config.eraReaderAdapterParams(),
                chainObserver));
    }
}
