package io.mithrilj.aggregator.service;

import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Certificate messages as upstream serves them, straight from the stored JSON text. */
@ApplicationScoped
public class CertificateQueries {

    /** Upstream's {@code LIST_MAX_ITEMS}. */
    public static final int LIST_MAX_ITEMS = 20;

    private final CertificateRepository certificates;

    CertificateQueries(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    /** {@code CertificateListMessage}: the 20 newest, newest first. */
    public Uni<String> list() {
        return certificates.latestListItems(LIST_MAX_ITEMS).map(JsonArrays::join);
    }

    public Uni<Optional<String>> byHash(String hash) {
        return certificates.findMessage(hash);
    }

    public Uni<Optional<String>> latestGenesis() {
        return certificates.findLatestGenesisMessage();
    }
}
