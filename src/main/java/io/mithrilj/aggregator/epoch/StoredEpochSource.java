package io.mithrilj.aggregator.epoch;

import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * {@link EpochSource} derived from the stores until the runtime's epoch service exists: upstream's epoch
 * service records {@code epoch_setting(N+1)} when it is informed of epoch N, so N = highest stored epoch
 * setting − 1; with no epoch setting, the epoch of the latest certificate; with neither, empty.
 *
 * <p>Eras: no chain observer nor era reader exists yet, so the values are those of every network at
 * 2603.1 (Cardano {@code Conway}, Mithril {@code pythagoras}); the runtime's implementation replaces this
 * bean ({@link DefaultBean}).
 */
@ApplicationScoped
@DefaultBean
public class StoredEpochSource implements EpochSource {

    static final String CARDANO_ERA = "Conway";
    static final String MITHRIL_ERA = "pythagoras";

    private final EpochSettingRepository epochSettings;
    private final CertificateRepository certificates;

    StoredEpochSource(EpochSettingRepository epochSettings, CertificateRepository certificates) {
        this.epochSettings = epochSettings;
        this.certificates = certificates;
    }

    @Override
    public Uni<Optional<EpochState>> current() {
        return epochSettings
                .maxEpoch()
                .chain(max -> max.isPresent()
                        ? Uni.createFrom().item(Optional.of(Math.max(0, max.get() - 1)))
                        : certificates.latestEpoch())
                .map(epoch -> epoch.map(e -> new EpochState(e, CARDANO_ERA, MITHRIL_ERA)));
    }
}
