package io.mithrilj.aggregator.artifact;

import io.mithrilj.aggregator.artifact.archive.ArchiveSettings;
import io.mithrilj.aggregator.artifact.archive.CompressionAlgorithm;
import io.mithrilj.aggregator.artifact.archive.FileArchive;
import io.mithrilj.aggregator.artifact.archive.FileArchiver;
import io.mithrilj.aggregator.artifact.snapshot.AncillarySigner;
import io.mithrilj.aggregator.artifact.snapshot.CardanoDbSnapshotter;
import io.mithrilj.aggregator.artifact.snapshot.ImmutableArchives;
import io.mithrilj.aggregator.artifact.snapshot.LegacySnapshotArchives;
import io.mithrilj.aggregator.artifact.snapshot.SnapshotException;
import io.mithrilj.aggregator.artifact.upload.FileUploader;
import io.mithrilj.aggregator.artifact.upload.UploadException;
import io.mithrilj.aggregator.artifact.upload.UploadTarget;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.certifier.ImmutableDigestService;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage.Location;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage.Part;
import io.mithrilj.aggregator.protocol.json.CardanoDbJson;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.json.SnapshotMessage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Upstream's {@code CardanoImmutableFilesFullArtifactBuilder} and {@code CardanoDatabaseArtifactBuilder} (artifacts.md
 * §5, §6): the archives of the node database made by the {@link CardanoDbSnapshotter}, uploaded by the configured
 * {@link FileUploader}, and the artifact message listing where they are. Archives are made under {@code
 * <SNAPSHOT_DIRECTORY>/pending_snapshot} and removed once uploaded (the per-trio archives stay in their storage
 * directory, reused by the next artifacts). Called by one thread at a time ({@link CardanoDbArtifactWorker}).
 */
@ApplicationScoped
public class CardanoDbArtifactBuilder {
    private static final Logger LOG = Logger.getLogger(CardanoDbArtifactBuilder.class);
    static final String PENDING_DIR = "pending_snapshot";

    private final AggregatorConfig config;
    private final ApiSettings settings;
    private final ProcessRole role;
    private final ImmutableDigestService digests;
    private final NodeDatabaseDirectory database;
    private final GenesisKeys genesisKeys;
    private final FileUploader uploader;
    private volatile Prepared prepared;

    CardanoDbArtifactBuilder(
            AggregatorConfig config,
            ApiSettings settings,
            ProcessRole role,
            ImmutableDigestService digests,
            NodeDatabaseDirectory database,
            GenesisKeys genesisKeys,
            FileUploader uploader) {
        this.config = config;
        this.settings = settings;
        this.role = role;
        this.digests = digests;
        this.database = database;
        this.genesisKeys = genesisKeys;
        this.uploader = uploader;
    }

    private record Prepared(
            CardanoDbSnapshotter snapshotter, ArchiveSettings archives, Path pending, AncillarySigner signer) {}

    /**
     * At start-up of a serving aggregator that certifies a Cardano database type: the ancillary signer and the
     * archive settings are checked (a bad setting refuses the start with one line), and what a stopped build left in
     * the pending directory is removed.
     */
    void checkAtStart(@Observes StartupEvent event) {
        if (!role.serves() || !certifiesCardanoDatabase()) return;
        Prepared p = prepare();
        try {
            p.snapshotter().removeStaleTemporaryDirectories();
            try (var stale = Files.list(p.pending())) {
                for (Path file : stale.filter(Files::isRegularFile).toList()) {
                    Files.deleteIfExists(file);
                    LOG.infof("removed %s, left by a build that did not finish", file);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("can not clean the snapshot directory " + p.pending() + ": " + e, e);
        }
        LOG.infof(
                "Cardano database artifacts: node database %s, archives %s (%s), uploads %s",
                database.path(), p.pending().getParent(), describe(p.archives()), config.snapshotUploaderType());
    }

    private boolean certifiesCardanoDatabase() {
        return settings.allowedKinds().contains(SignedEntityKind.CARDANO_DATABASE)
                || settings.allowedKinds().contains(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL);
    }

    private static String describe(ArchiveSettings a) {
        return a.algorithm() == CompressionAlgorithm.GZIP
                ? "gzip"
                : "zstandard level " + a.zstdLevel() + ", " + a.zstdWorkers() + " workers";
    }

    /** The snapshotter, made once from the settings. */
    private synchronized Prepared prepare() {
        Prepared p = prepared;
        if (p != null) return p;
        ArchiveSettings archives = archiveSettings(config);
        AncillarySigner signer = ancillarySigner();
        Path snapshots = Path.of(config.snapshotDirectory()).toAbsolutePath().normalize();
        Path pending = snapshots.resolve(PENDING_DIR);
        try {
            Files.createDirectories(pending.resolve("work"));
        } catch (IOException e) {
            throw new IllegalStateException("SNAPSHOT_DIRECTORY: can not create " + pending + ": " + e, e);
        }
        CardanoDbSnapshotter snapshotter = new CardanoDbSnapshotter(
                new FileArchiver(archives, pending.resolve("verification")),
                database.path(),
                snapshots,
                signer,
                pending.resolve("work"));
        p = new Prepared(snapshotter, archives, pending, signer);
        prepared = p;
        return p;
    }

    /** SNAPSHOT_COMPRESSION_ALGORITHM and ZSTANDARD_PARAMETERS__*, checked. */
    static ArchiveSettings archiveSettings(AggregatorConfig config) {
        CompressionAlgorithm algorithm = CompressionAlgorithm.fromConfigName(config.snapshotCompressionAlgorithm());
        return algorithm == CompressionAlgorithm.GZIP
                ? ArchiveSettings.gzip()
                : ArchiveSettings.zstandard(
                        config.zstandardParameters().level(),
                        config.zstandardParameters().numberOfWorkers());
    }

    /**
     * ANCILLARY_FILES_SIGNER_CONFIG; on the devnet without it, the devnet's genesis key (as upstream's end-to-end
     * tests, whose ancillary verification key is the genesis one).
     */
    private AncillarySigner ancillarySigner() {
        Optional<String> configured = config.ancillaryFilesSignerConfig().filter(s -> !s.isBlank());
        if (configured.isPresent()) return AncillarySigner.fromConfig(configured.get());
        if (ApiSettings.DEVNET_OBSERVER.equals(config.chainObserverType())) {
            return AncillarySigner.withSecretKey(genesisKeys.devnetKeyPair());
        }
        throw new IllegalStateException("ANCILLARY_FILES_SIGNER_CONFIG is required to certify CardanoDatabase or"
                + " CardanoImmutableFilesFull: the ancillary files manifest must be signed");
    }

    /**
     * The artifact of a CardanoImmutableFilesFull certificate: both archives of the database (every completed
     * immutable file; the ancillary files with their signed manifest), uploaded.
     *
     * @throws CardanoDbArtifactException naming the step and the file when something fails; nothing is published
     */
    public ArtifactFields immutableFilesFull(CardanoDbBeacon beacon, Certificate certificate, Instant createdAt) {
        Prepared p = prepare();
        String digest = certificate
                .protocolMessage()
                .get(ProtocolMessagePartKey.SNAPSHOT_DIGEST)
                .orElseThrow(() -> new CardanoDbArtifactException(
                        "certificate " + certificate.hash() + " has no snapshot_digest part"));
        String network = settings.network();
        String base = CardanoDbSnapshotter.legacyBaseName(
                network, beacon.epoch().value(), beacon.immutableFileNumber(), digest);
        LegacySnapshotArchives archives;
        try {
            archives = p.snapshotter().legacySnapshotArchives(base, beacon.immutableFileNumber(), p.pending());
        } catch (SnapshotException e) {
            throw new CardanoDbArtifactException("can not archive the immutable files: " + e.getMessage(), e);
        }
        String location;
        try {
            location = uploadAndRemove(archives.immutables().path(), UploadTarget.IMMUTABLE_FILES_FULL);
        } catch (RuntimeException e) {
            deleteQuietly(archives.ancillary().path()); // not uploaded: the snapshot fails whole
            throw e;
        }
        String ancillaryLocation = uploadAndRemove(archives.ancillary().path(), UploadTarget.IMMUTABLE_FILES_FULL);
        SnapshotMessage message = new SnapshotMessage(
                digest,
                network,
                beacon,
                certificate.hash(),
                archives.immutables().archiveSize(),
                OptionalLong.of(archives.ancillary().archiveSize()),
                createdAt,
                List.of(location),
                Optional.of(List.of(ancillaryLocation)),
                archives.immutables().algorithm().configName(),
                settings.cardanoNodeVersion());
        String json = CardanoDbJson.write(message);
        return new ArtifactFields(
                SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL,
                digest,
                certificate.hash(),
                new SignedEntityType.CardanoImmutableFilesFull(beacon).beaconJson(),
                beacon.epoch().value(),
                Rfc3339.format(createdAt),
                json,
                json);
    }

    /**
     * The artifact of a CardanoDatabase certificate: the ancillary archive, one archive per immutable trio 0..=N and
     * the digests file, uploaded (upstream's order).
     *
     * @throws CardanoDbArtifactException naming the step and the file when something fails; nothing is published
     */
    public ArtifactFields cardanoDatabase(CardanoDbBeacon beacon, Certificate certificate, Instant createdAt) {
        Prepared p = prepare();
        String merkleRoot = certificate
                .protocolMessage()
                .get(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT)
                .orElseThrow(() -> new CardanoDbArtifactException(
                        "certificate " + certificate.hash() + " has no cardano_database_merkle_root part"));
        String network = settings.network();
        long n = beacon.immutableFileNumber();
        String base = CardanoDbSnapshotter.cardanoDatabaseBaseName(
                network, beacon.epoch().value(), n);
        String compression = p.archives().algorithm().configName();

        FileArchive ancillary =
                archive("the ancillary files", () -> p.snapshotter().ancillaryArchive(base, n, p.pending()));
        String ancillaryUri = uploadAndRemove(ancillary.path(), UploadTarget.CDB_ANCILLARY);

        ImmutableArchives immutables =
                archive("the immutable trios", () -> p.snapshotter().immutableArchives(n));
        String template;
        try {
            template = uploader.uploadImmutables(immutables.archives());
        } catch (UploadException e) {
            throw new CardanoDbArtifactException("can not upload the immutable trio archives: " + e.getMessage(), e);
        }

        // every digest of the cache, as upstream (clients keep those up to the beacon); the signable computed them
        digests.digests(n);
        FileArchive digestsArchive =
                archive("the digests", () -> p.snapshotter().digestsArchive(base, digests.allCached(), p.pending()));
        String digestsUri = uploadAndRemove(digestsArchive.path(), UploadTarget.CDB_DIGESTS);

        CardanoDatabaseSnapshotMessage message = new CardanoDatabaseSnapshotMessage(
                CardanoDatabaseSnapshotMessage.computeHash(beacon.epoch(), merkleRoot),
                merkleRoot,
                network,
                beacon,
                certificate.hash(),
                ancillary.uncompressedSize() + immutables.totalSizeUncompressed(),
                new Part(
                        digestsArchive.uncompressedSize(),
                        List.of(
                                Location.cloudStorage(digestsUri, compression),
                                Location.aggregator(settings.serverUrl() + "artifact/cardano-database/digests"))),
                new Part(
                        immutables.averageSizeUncompressed(),
                        List.of(Location.cloudStorageTemplate(template, compression))),
                new Part(ancillary.uncompressedSize(), List.of(Location.cloudStorage(ancillaryUri, compression))),
                settings.cardanoNodeVersion(),
                createdAt);
        return new ArtifactFields(
                SignedEntityKind.CARDANO_DATABASE,
                message.hash(),
                certificate.hash(),
                new SignedEntityType.CardanoDatabase(beacon).beaconJson(),
                beacon.epoch().value(),
                Rfc3339.format(createdAt),
                CardanoDbJson.write(message),
                CardanoDbJson.writeListItem(message));
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws SnapshotException;
    }

    private static <T> T archive(String what, Step<T> step) {
        try {
            return step.run();
        } catch (SnapshotException e) {
            throw new CardanoDbArtifactException("can not archive " + what + ": " + e.getMessage(), e);
        }
    }

    /** Uploads a local archive of {@code pending_snapshot}, removed afterwards whatever the outcome (upstream). */
    private String uploadAndRemove(Path file, UploadTarget target) {
        try {
            return uploader.upload(file, target);
        } catch (UploadException e) {
            throw new CardanoDbArtifactException("can not upload " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("can not remove the local archive %s after its upload: %s", file, e.getMessage());
        }
    }

    /** A Cardano database artifact that can not be built; the message names the step and the file. */
    public static final class CardanoDbArtifactException extends RuntimeException {
        public CardanoDbArtifactException(String message) {
            super(message);
        }

        public CardanoDbArtifactException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
