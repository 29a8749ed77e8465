package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.ReadCache;
import io.mithrilj.aggregator.persistence.StoreChanges;
import io.mithrilj.aggregator.protocol.json.JsonArrays;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Certificate messages as upstream serves them, straight from the stored JSON text (cached per store generation). */
@ApplicationScoped
public class CertificateQueries {

    /** Upstream's {@code LIST_MAX_ITEMS}. */
    public static final int LIST_MAX_ITEMS = 20;

    private final CertificateRepository certificates;
    private final ReadCache cache;

    CertificateQueries(CertificateRepository certificates, StoreChanges changes) {
        this.certificates = certificates;
        this.cache = ReadCache.configured(changes);
    }

    /** {@code CertificateListMessage}: the 20 newest, newest first. */
    public Uni<byte[]> list() {
        return cache.getAlways(
                "list", () -> certificates.latestListItems(LIST_MAX_ITEMS).map(JsonArrays::join));
    }

    public Uni<Optional<byte[]>> byHash(String hash) {
        return cache.get("hash:" + hash, () -> certificates.findMessage(hash));
    }

    public Uni<Optional<byte[]>> latestGenesis() {
        return cache.get("genesis", certificates::findLatestGenesisMessage);
    }
}
