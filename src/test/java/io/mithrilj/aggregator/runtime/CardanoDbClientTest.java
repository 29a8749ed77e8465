package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import io.mithrilj.aggregator.artifact.CardanoDbArtifactWorker;
import io.mithrilj.aggregator.artifact.snapshot.AncillaryManifest;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.devnet.DevnetSigners;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage;
import io.mithrilj.aggregator.protocol.json.CardanoDbJson;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SnapshotMessage;
import io.mithrilj.aggregator.protocol.signable.CardanoDatabaseSignable;
import io.mithrilj.aggregator.protocol.signable.CardanoImmutableFilesFullSignable;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Mithril client does with the devnet's Cardano database artifacts, over HTTP only: download the artifact, its
 * digests file and every archive, unpack them, recompute every file's digest and the Merkle root (or the legacy
 * snapshot digest), find it in the certificate's signed message, and verify the ancillary manifest's signature with the
 * ancillary verification key (on the devnet, the genesis key, as in upstream's end-to-end tests).
 */
@QuarkusTest
@TestProfile(RunningDevnet.CardanoDbProfile.class)
class CardanoDbClientTest {
    private static final Pattern TRIO_FILE = Pattern.compile("immutable/(\\d{5})\\.(chunk|primary|secondary)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Inject
    Pool pool;

    @Inject
    RuntimeCycle runtime;

    @Inject
    DevnetSigners signers;

    @Inject
    GenesisKeys genesisKeys;

    @Inject
    CardanoDbArtifactWorker worker;

    @Inject
    NodeDatabaseDirectory database;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @TestHTTPResource("/aggregator")
    URL aggregator;

    @TempDir
    Path client;

    @AfterEach
    void stop() throws InterruptedException {
        RunningDevnet.stop(pool, runtime, signers);
    }

    @Test
    void aClientRestoresAndVerifiesBothCardanoDatabaseArtifacts() throws Exception {
        RunningDevnet.start(pool, runtime, signers);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        JsonNode databases = null;
        JsonNode snapshots = null;
        while (Instant.now().isBefore(deadline)) {
            databases = json(get(aggregator + "/artifact/cardano-database"));
            snapshots = json(get(aggregator + "/artifact/snapshots"));
            if (databases.size() >= 1 && snapshots.size() >= 1) break;
            Thread.sleep(1000);
        }
        assertThat(databases.size()).as("CardanoDatabase artifacts").isGreaterThanOrEqualTo(1);
        assertThat(snapshots.size()).as("CardanoImmutableFilesFull artifacts").isGreaterThanOrEqualTo(1);
        Ed25519VerificationKey ancillaryKey = genesisKeys.verificationKey().orElseThrow();

        verifyCardanoDatabase(databases.get(0).get("hash").asText(), ancillaryKey);
        verifyLegacySnapshot(snapshots.get(0).get("digest").asText(), ancillaryKey);
    }

    /**
     * A build that fails (the node database has no ledger snapshot: the ancillary archive can not be made) is logged,
     * kept pending with its error, publishes nothing, and the artifacts come again once the ledger state is back (the
     * devnet writes it at the next epoch).
     */
    @Test
    void aFailedBuildPublishesNothingAndTheArtifactsComeBack() throws Exception {
        RunningDevnet.start(pool, runtime, signers);
        Path ledger = database.path().resolve("ledger");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)
                && json(get(aggregator + "/artifact/cardano-database")).isEmpty()) {
            Thread.sleep(500);
        }
        assertThat(json(get(aggregator + "/artifact/cardano-database")))
                .as("a first artifact")
                .isNotEmpty();

        // the ledger state disappears: the next builds fail
        long failedBeacon = -1;
        String error = null;
        deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && error == null) {
            deleteTree(ledger);
            CardanoDbArtifactWorker.Pending p = worker.pending().get(SignedEntityTypeDiscriminant.CARDANO_DATABASE);
            if (p != null && p.failures() > 0) {
                error = p.lastError();
                failedBeacon =
                        ((SignedEntityType.CardanoDatabase) p.type()).beacon().immutableFileNumber();
            }
            Thread.sleep(200);
        }
        assertThat(error)
                .as("the failure kept with the pending artifact")
                .isNotNull()
                .contains("ledger");
        assertThat(registry.counter(CardanoDbArtifactWorker.FAILURES_METRIC, "signed_entity_type", "CardanoDatabase")
                        .count())
                .as("failed builds counted")
                .isGreaterThanOrEqualTo(1);
        // nothing of the failed build is published or left behind
        String beaconName = "-i" + failedBeacon + ".";
        try (Stream<Path> files = Files.walk(snapshots())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.contains(beaconName))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
        for (JsonNode item : json(get(aggregator + "/artifact/cardano-database"))) {
            assertThat(item.get("beacon").get("immutable_file_number").asLong()).isNotEqualTo(failedBeacon);
        }

        // the devnet writes the ledger state again at the next epoch: artifacts of later beacons are built
        deadline = Instant.now().plus(Duration.ofSeconds(90));
        long latest = -1;
        while (Instant.now().isBefore(deadline) && latest <= failedBeacon) {
            JsonNode list = json(get(aggregator + "/artifact/cardano-database"));
            latest = list.isEmpty()
                    ? -1
                    : list.get(0).get("beacon").get("immutable_file_number").asLong();
            Thread.sleep(500);
        }
        assertThat(latest).as("a CardanoDatabase artifact after the failure").isGreaterThanOrEqualTo(failedBeacon);
    }

    private Path snapshots() {
        return Path.of(ConfigProvider.getConfig().getValue("mithril.snapshot-directory", String.class));
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) return;
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(directory)) Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
            // the devnet removed or moved a file meanwhile
        }
    }

    private void verifyCardanoDatabase(String hash, Ed25519VerificationKey ancillaryKey) throws Exception {
        CardanoDatabaseSnapshotMessage artifact =
                CardanoDbJson.readCardanoDatabase(get(aggregator + "/artifact/cardano-database/" + hash));
        Certificate certificate =
                CertificateJson.readCertificate(get(aggregator + "/certificate/" + artifact.certificateHash()));
        CardanoDbBeacon beacon = artifact.beacon();
        long n = beacon.immutableFileNumber();
        assertThat(CardanoDatabaseSnapshotMessage.computeHash(beacon.epoch(), artifact.merkleRoot()))
                .isEqualTo(hash);

        // 1. the digests file (its archive from the uploader's location; the same list from the aggregator's route)
        var digestLocations = artifact.digests().locations();
        assertThat(digestLocations).extracting(l -> l.type()).containsExactly("cloud_storage", "aggregator");
        Path digestsDir = unpack(download(digestLocations.get(0).uri()), "digests");
        Path digestsFile;
        try (Stream<Path> files = Files.list(digestsDir)) {
            digestsFile = files.findFirst().orElseThrow();
        }
        assertThat(Files.size(digestsFile)).isEqualTo(artifact.digests().size());
        JsonNode digestList = json(Files.readString(digestsFile));
        // the aggregator's route lists the cache as it is now: the file's digests and those of later files
        List<JsonNode> served = new ArrayList<>();
        json(get(digestLocations.get(1).uri())).forEach(served::add);
        List<JsonNode> archived = new ArrayList<>();
        digestList.forEach(archived::add);
        assertThat(served).containsAll(archived);
        Map<String, String> certifiedDigests = new TreeMap<>();
        for (JsonNode e : digestList) {
            String name = e.get("immutable_file_name").asText();
            if (Long.parseLong(name.substring(0, name.indexOf('.'))) <= n) {
                certifiedDigests.put(name, e.get("digest").asText());
            }
        }
        assertThat(certifiedDigests).hasSize((int) (3 * (n + 1)));

        // 2. the Merkle root of those digests is the certified one
        List<String> ordered = new ArrayList<>(certifiedDigests.values()); // file name order = (number, extension)
        String root = CardanoDatabaseSignable.merkleTree(ordered).computeRoot().toHex();
        assertThat(root).isEqualTo(artifact.merkleRoot());
        assertThat(certificate.protocolMessage().get(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT))
                .contains(root);
        assertThat(certificate.protocolMessage().computeHash()).isEqualTo(certificate.signedMessage());

        // 3. every immutable trio 0..N: downloaded from the template, unpacked, its files digest as certified
        var template = artifact.immutables().locations().getFirst();
        assertThat(template.template()).isTrue();
        Path restored = Files.createDirectories(client.resolve("cdb"));
        for (long i = 0; i <= n; i++) {
            String uri = template.uri().replace("{immutable_file_number}", "%05d".formatted(i));
            Path trio = unpackInto(download(uri), restored);
            assertThat(trio).isEqualTo(restored);
        }
        Map<String, String> recomputed = digestsOf(restored.resolve("immutable"));
        assertThat(recomputed).isEqualTo(certifiedDigests);

        // 4. the ancillary archive: every file as its manifest says, the manifest signed by the ancillary key
        var ancillaryLocation = artifact.ancillary().locations().getFirst();
        Path ancillary = unpack(download(ancillaryLocation.uri()), "cdb-ancillary");
        verifyAncillary(ancillary, n, ancillaryKey);
        assertThat(artifact.totalDbSizeUncompressed())
                .isGreaterThan(artifact.ancillary().size());
        assertThat((artifact.totalDbSizeUncompressed() - artifact.ancillary().size()) / n)
                .isEqualTo(artifact.immutables().size());
    }

    private void verifyLegacySnapshot(String digest, Ed25519VerificationKey ancillaryKey) throws Exception {
        SnapshotMessage artifact = CardanoDbJson.readSnapshot(get(aggregator + "/artifact/snapshot/" + digest));
        Certificate certificate =
                CertificateJson.readCertificate(get(aggregator + "/certificate/" + artifact.certificateHash()));
        assertThat(certificate.protocolMessage().get(ProtocolMessagePartKey.SNAPSHOT_DIGEST))
                .contains(digest);
        assertThat(certificate.protocolMessage().computeHash()).isEqualTo(certificate.signedMessage());
        // the download route redirects to the archive's location
        HttpResponse<Void> redirect = HTTP.send(
                HttpRequest.newBuilder(URI.create(aggregator + "/artifact/snapshot/" + digest + "/download"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location"))
                .contains(artifact.locations().getFirst());

        byte[] archive = download(artifact.locations().getFirst());
        assertThat((long) archive.length).isEqualTo(artifact.size());
        Path restored = unpack(archive, "legacy");
        long n = artifact.beacon().immutableFileNumber();
        List<String> certified = new ArrayList<>();
        digestsOf(restored.resolve("immutable")).forEach((name, d) -> {
            if (Long.parseLong(name.substring(0, name.indexOf('.'))) <= n) certified.add(d);
        });
        assertThat(certified).hasSize((int) (3 * (n + 1)));
        assertThat(CardanoImmutableFilesFullSignable.snapshotDigest("devnet", artifact.beacon(), certified))
                .isEqualTo(digest);

        byte[] ancillaryArchive =
                download(artifact.ancillaryLocations().orElseThrow().getFirst());
        assertThat((long) ancillaryArchive.length)
                .isEqualTo(artifact.ancillarySize().getAsLong());
        verifyAncillary(unpack(ancillaryArchive, "legacy-ancillary"), n, ancillaryKey);
    }

    /** The manifest lists every other file of the archive with its SHA-256, and its signature verifies. */
    private static void verifyAncillary(Path root, long n, Ed25519VerificationKey key) throws Exception {
        JsonNode manifestJson = json(Files.readString(root.resolve(AncillaryManifest.FILE_NAME)));
        Map<String, String> data = new LinkedHashMap<>();
        manifestJson
                .get("data")
                .fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(f).toString();
                if (!relative.equals(AncillaryManifest.FILE_NAME)) files.put(relative, sha256(f));
            }
        }
        assertThat(new TreeMap<>(data)).isEqualTo(files);
        assertThat(files)
                .containsKeys(
                        "immutable/%05d.chunk".formatted(n + 1),
                        "immutable/%05d.primary".formatted(n + 1),
                        "immutable/%05d.secondary".formatted(n + 1));
        assertThat(files.keySet()).anyMatch(name -> name.startsWith("ledger/"));
        byte[] hash = AncillaryManifest.of(data).hash();
        assertThat(key.isValid(
                        hash,
                        Ed25519Signature.fromBytesHex(
                                manifestJson.get("signature").asText())))
                .as("ancillary manifest signature")
                .isTrue();
    }

    private static Map<String, String> digestsOf(Path immutable) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(immutable)) {
            for (Path f : files.toList()) {
                Matcher m = TRIO_FILE.matcher("immutable/" + f.getFileName());
                if (m.matches()) digests.put(f.getFileName().toString(), sha256(f));
            }
        }
        return digests;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) d.update(buffer, 0, r);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private Path unpack(byte[] archive, String name) throws IOException {
        return unpackInto(archive, Files.createDirectories(client.resolve(name)));
    }

    /** A tar.zst (or tar.gz) archive unpacked under {@code target}, refusing entries that leave it. */
    private static Path unpackInto(byte[] archive, Path target) throws IOException {
        boolean gzip = archive.length > 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b;
        InputStream raw = new java.io.ByteArrayInputStream(archive);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(gzip ? new GZIPInputStream(raw) : new ZstdInputStream(raw)))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                assertThat(out.startsWith(target))
                        .as("entry %s stays in the archive", e.getName())
                        .isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                }
            }
        }
        return target;
    }

    private static byte[] download(String uri) throws Exception {
        HttpResponse<byte[]> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s", uri).isEqualTo(200);
        return r.body();
    }

    private static String get(String uri) throws Exception {
        return new String(download(uri), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        return MessageJson.parse(text);
    }
}
