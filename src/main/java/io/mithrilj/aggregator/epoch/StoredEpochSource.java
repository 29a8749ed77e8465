package io.mithrilj.aggregator.epoch;

import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The epoch the stores show, for a replica whose {@link EpochService} was never informed (another replica runs the
 * runtime, or none does yet): the runtime records {@code epoch_setting(N+1)} when informed of epoch N, so N = highest
 * stored epoch setting − 1; with no epoch setting, the epoch of the latest certificate; with neither, empty. Eras are
 * those of every network at 2603.1 (Cardano {@code Conway}, Mithril {@code pythagoras}): the stores do not keep them.
 */
@ApplicationScoped
public class StoredEpochSource {

    static final String CARDANO_ERA = "Conway";
    static final String MITHRIL_ERA = "pythagoras";

    private final EpochSettingRepository epochSettings;
    private final CertificateRepository certificates;

    StoredEpochSource(EpochSettingRepository epochSettings, CertificateRepository certificates) {
        this.epochSettings = epochSettings;
        this.certificates = certificates;
    }

    /** The epoch the stores show, if any. */
    public Uni<Optional<EpochSource.EpochState>> current() {
        return epochSettings
                .maxEpoch()
                .chain(max -> max.isPresent()
                        ? Uni.createFrom().item(Optional.of(Math.max(0, max.get() - 1)))
                        : certificates.latestEpoch())
                .map(epoch -> epoch.map(e -> new EpochSource.EpochState(e, CARDANO_ERA, MITHRIL_ERA)));
    }
}
