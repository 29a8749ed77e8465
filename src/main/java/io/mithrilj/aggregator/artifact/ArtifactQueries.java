package io.mithrilj.aggregator.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.artifact.snapshot.CardanoDbSnapshotter;
import io.mithrilj.aggregator.certifier.CertificateQueries;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.persistence.ImmutableFileDigestRepository;
import io.mithrilj.aggregator.persistence.ReadCache;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.persistence.StoreChanges;
import io.mithrilj.aggregator.protocol.json.JsonArrays;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Artifact messages (lists, details, by epoch), the digests list and the snapshot download location. */
@ApplicationScoped
public class ArtifactQueries {

    private final SignedEntityRepository signedEntities;
    private final ImmutableFileDigestRepository digests;
    private final ApiSettings settings;

    private final ReadCache cache;

    ArtifactQueries(
            SignedEntityRepository signedEntities,
            ImmutableFileDigestRepository digests,
            ApiSettings settings,
            StoreChanges changes) {
        this.signedEntities = signedEntities;
        this.digests = digests;
        this.settings = settings;
        this.cache = ReadCache.configured(changes);
    }

    /** List message of a kind: the 20 newest, newest first. */
    public Uni<byte[]> list(SignedEntityKind kind) {
        return cache.getAlways(
                "list:" + kind.id(),
                () -> signedEntities
                        .latestListItems(kind, CertificateQueries.LIST_MAX_ITEMS)
                        .map(JsonArrays::join));
    }

    /** List message of a kind restricted to a beacon epoch. */
    public Uni<String> listByEpoch(SignedEntityKind kind, long epoch) {
        return signedEntities
                .latestListItemsByEpoch(kind, epoch, CertificateQueries.LIST_MAX_ITEMS)
                .map(JsonArrays::join);
    }

    /** Detail message of an artifact of this kind (another kind's id is not found). */
    public Uni<Optional<byte[]>> byId(SignedEntityKind kind, String id) {
        return cache.get(kind.id() + ":" + id, () -> signedEntities.findArtifact(kind, id));
    }

    /** Detail message of the newest artifact of a kind at a beacon epoch. */
    public Uni<Optional<String>> byEpoch(SignedEntityKind kind, long epoch) {
        return signedEntities.findArtifactByEpoch(kind, epoch);
    }

    /** Detail message of the newest artifact of a kind. */
    public Uni<Optional<String>> latest(SignedEntityKind kind) {
        return signedEntities.findLatestArtifact(kind);
    }

    /** {@code CardanoDatabaseDigestListMessage}, in file name order. */
    public Uni<String> digestList() {
        // the same bytes as the digests file of the CardanoDatabase artifacts (upstream builds both from the cache)
        return digests.all().map(map -> new String(CardanoDbSnapshotter.digestsJson(map), StandardCharsets.UTF_8));
    }

    /**
     * Upstream's redirect target of {@code /artifact/snapshot/{digest}/download}:
     * {@code <server_url>snapshot_download/<network>-e<epoch>-i<immutable>.<digest>.<tar.gz|tar.zst>}.
     */
    public Uni<Optional<String>> snapshotDownloadLocation(String digest) {
        return signedEntities
                .findArtifact(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL, digest)
                .map(found -> found.map(json -> {
                    JsonNode s = MessageJson.parse(json);
                    JsonNode beacon = s.path("beacon");
                    String extension = switch (s.path("compression_algorithm").asText("zstandard")) {
                        case "gzip" -> "tar.gz";
                        default -> "tar.zst";
                    };
                    return settings.serverUrl() + "snapshot_download/"
                            + s.path("network").asText() + "-e"
                            + beacon.path("epoch").asText() + "-i"
                            + beacon.path("immutable_file_number").asText() + "."
                            + s.path("digest").asText() + "." + extension;
                }));
    }

    /**
     * Proof message for the newest CTx artifact, or empty when no CTx artifact exists (upstream: 404).
     * No transaction store nor prover exists yet: every hash is reported as non certified, as upstream's
     * prover does for hashes it has not imported.
     */
    public Uni<Optional<String>> proof(java.util.List<String> sortedDistinctHashes) {
        return latest(SignedEntityKind.CARDANO_TRANSACTIONS)
                .map(found -> found.map(json -> {
                    JsonNode snapshot = MessageJson.parse(json);
                    ObjectNode message = MessageJson.MAPPER.createObjectNode();
                    message.set("certificate_hash", snapshot.get("certificate_hash"));
                    message.putArray("certified_transactions");
                    ArrayNode non = message.putArray("non_certified_transactions");
                    sortedDistinctHashes.forEach(non::add);
                    message.set("latest_block_number", snapshot.get("block_number"));
                    return MessageJson.write(message);
                }));
    }
}
