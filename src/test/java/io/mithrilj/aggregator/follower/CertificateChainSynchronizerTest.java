package io.mithrilj.aggregator.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateGenesis;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateHashUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.VerifyMultiSignature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.follower.CertificateChainSynchronizer.SyncResult;
import io.mithrilj.aggregator.follower.CertificateChainSynchronizer.SyncState;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EmbeddedPostgresTestResource;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.StoredOpenMessage;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The follower's certificate chain synchronizer against a stub leader serving upstream's fixture chain, on the
 * embedded PostgreSQL. The test database is shared with the API tests, which seed it: the certificate and open message
 * tables are copied aside before this class, emptied before each test, and put back after the class.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateChainSynchronizerTest {

    private static final Duration T = Duration.ofSeconds(60);
    private static final Ed25519VerificationKey GENESIS_KEY =
            Ed25519VerificationKey.fromJsonHex(UpstreamReference.GENESIS_VERIFICATION_KEY);
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.123456789Z");
    // the first certificate of epochs 18 and 10 on the walk from the latest certificate
    private static final String MASTER_18 = "0453d52ad842442857c2fd98f66e21fc2897f0e1566b563018b6ec5bc6fdeda9";
    private static final String MASTER_10 = "206253bf06d8ef81b898f0d103790ffc3f8360df9a5e1a018119560af7680754";
    private static final String MASTER_9 = "a256d3c9743f6a4ddcb8ab0d6b4ab26e2205492d371cc5870a3683df98adb140";
    private static final String CSD_9 = "e31226f2b58b3a15ca6b1a81f9faa3e78d83329a34cee30b437346851e723fff";
    private static final List<String> TABLES = List.of("certificate", "open_message", "single_signature");

    @Inject
    CertificateRepository certificates;

    @Inject
    OpenMessageRepository openMessages;

    @Inject
    Stores stores;

    @Inject
    Pool pool;

    @TestHTTPResource("/aggregator")
    URL aggregator;

    // ------------------------------------------------------------------ the shared database

    @BeforeAll
    void setAside() {
        for (String table : TABLES) {
            sql("create table follower_sync_aside_" + table + " as select * from " + table);
        }
    }

    @BeforeEach
    void emptyStores() {
        sql("delete from certificate");
        sql("delete from open_message"); // single signatures go by cascade
    }

    @AfterAll
    void putBack() {
        emptyStores();
        for (String table : TABLES) { // open messages before their single signatures
            sql("insert into " + table + " select * from follower_sync_aside_" + table);
            sql("drop table follower_sync_aside_" + table);
        }
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(T);
    }

    private List<Row> rows(String query) {
        List<Row> out = new ArrayList<>();
        pool.query(query).execute().await().atMost(T).forEach(out::add);
        return out;
    }

    /** Everything this synchronizer writes, row by row, with the insertion order (changed by a replace). */
    private List<String> storeSnapshot() {
        List<String> out = new ArrayList<>();
        for (Row r : rows("select certificate_id, insertion_seq, message from certificate order by insertion_seq")) {
            out.add(r.getString(0) + " " + r.getLong(1) + " " + r.getString(2));
        }
        for (Row r : rows("select open_message_id, insertion_seq, signed_entity_type_id, beacon, protocol_message,"
                + " is_certified, is_expired, created_at, expires_at from open_message order by insertion_seq")) {
            out.add(r.toJson().encode());
        }
        return out;
    }

    private long count(String table) {
        return rows("select count(*) from " + table).getFirst().getLong(0);
    }

    private Map<String, Long> storedInsertionOrder() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Row r : rows("select certificate_id, insertion_seq from certificate order by insertion_seq")) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    // ------------------------------------------------------------------ the leader and the expected chain

    /** A leader serving a set of certificates; its latest and its genesis as given. */
    static final class StubLeader implements LeaderAggregator {
        final Map<String, Certificate> byHash = new LinkedHashMap<>();
        final Optional<Certificate> latest;
        final Optional<Certificate> genesis;

        StubLeader(Map<String, ObjectNode> certificates, String latestHash, String genesisHash) {
            certificates.forEach((hash, json) -> byHash.put(hash, CertificateJson.readCertificate(json.toString())));
            this.latest = Optional.ofNullable(latestHash).map(byHash::get);
            this.genesis = Optional.ofNullable(genesisHash).map(byHash::get);
        }

        static StubLeader empty() {
            return new StubLeader(Map.of(), null, null);
        }

        @Override
        public String endpoint() {
            return "http://stub-leader/aggregator";
        }

        @Override
        public EpochSettingsMessage epochSettings() throws LeaderAggregatorException {
            throw new LeaderAggregatorException("GET " + endpoint() + "/epoch-settings: not served by this stub");
        }

        @Override
        public Optional<Certificate> latestCertificate() {
            return latest;
        }

        @Override
        public Optional<Certificate> genesisCertificate() {
            return genesis;
        }

        @Override
        public Optional<String> protocolConfiguration(long epoch) {
            return Optional.empty();
        }

        @Override
        public Certificate getCertificateDetails(String hash) throws LeaderAggregatorException {
            Certificate c = byHash.get(hash);
            if (c == null) throw new LeaderAggregatorException("GET " + endpoint() + "/certificate/" + hash + ": 404");
            return c;
        }

        /** The certificates parsed again from their JSON, as the real client parses the leader's answers. */
        @Override
        public Certificate getCertificateDetails(String hash, CryptoCanonicalizer canonicalizer)
                throws LeaderAggregatorException {
            Certificate c = getCertificateDetails(hash);
            return CertificateJson.readCertificateMessage(CertificateJson.write(CertificateMessage.fromCertificate(c)))
                    .toCertificate(canonicalizer);
        }
    }

    /** The fixture certificates as editable JSON trees, by hash. */
    private static Map<String, ObjectNode> fixtureTrees() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        Fixtures.certificates().forEach((hash, json) -> out.put(hash, (ObjectNode) MessageJson.parse(json)));
        return out;
    }

    private static StubLeader genuineLeader() {
        return new StubLeader(fixtureTrees(), Fixtures.LATEST, Fixtures.GENESIS);
    }

    /**
     * Upstream's rule applied to the fixture's JSON, independently of the synchronizer: walk from the latest
     * certificate to the genesis by {@code previous_hash}; keep the genesis and each certificate once one is kept or
     * when its parent is of another epoch. Genesis first.
     */
    private static List<String> expectedKeptHashes() {
        Map<String, ObjectNode> trees = fixtureTrees();
        List<String> kept = new ArrayList<>();
        JsonNode c = trees.get(Fixtures.LATEST);
        while (true) {
            if (!c.get("genesis_signature").asText().isEmpty()) {
                kept.addFirst(c.get("hash").asText());
                return kept;
            }
            JsonNode parent = trees.get(c.get("previous_hash").asText());
            if (!kept.isEmpty()
                    || parent.get("epoch").asLong() != c.get("epoch").asLong()) {
                kept.addFirst(c.get("hash").asText());
            }
            c = parent;
        }
    }

    private CertificateChainSynchronizer synchronizer(LeaderAggregator leader) {
        return synchronizer(leader, 1_000);
    }

    private CertificateChainSynchronizer synchronizer(LeaderAggregator leader, long maxChainLength) {
        return new CertificateChainSynchronizer(
                leader,
                GENESIS_KEY,
                certificates,
                openMessages,
                stores,
                Clock.fixed(NOW, ZoneOffset.UTC),
                maxChainLength);
    }

    private Optional<StoredOpenMessage> openMessageOfEpoch(long epoch) {
        return openMessages
                .find(SignedEntityTypeDiscriminant.MITHRIL_STAKE_DISTRIBUTION.id(), Long.toString(epoch))
                .await()
                .atMost(T);
    }

    // ------------------------------------------------------------------ synchronisation

    @Test
    void fromAnEmptyStoreStoresOneCertificatePerEpochFromGenesisAndACertifiedOpenMessage() {
        List<String> expected = expectedKeptHashes();
        assertThat(expected).hasSize(11).startsWith(Fixtures.GENESIS).endsWith(MASTER_18);

        SyncResult result = synchronizer(genuineLeader()).synchronize(false);

        assertThat(result.state()).isEqualTo(SyncState.NO_LOCAL_GENESIS);
        assertThat(result.stored()).isEqualTo(11);
        assertThat(result.latestEpoch()).contains(new Epoch(18));
        assertThat(result.took()).isPositive();
        // stored in that order: genesis first
        assertThat(storedInsertionOrder().keySet()).containsExactlyElementsOf(expected);
        for (String hash : expected) {
            String stored = certificates.findMessage(hash).await().atMost(T).orElseThrow();
            assertThat(stored).as(hash).isEqualTo(Fixtures.certificateJson(hash));
            assertThat(RestAssured.get(aggregator + "/certificate/" + hash)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .as(hash)
                    .isEqualTo(Fixtures.certificateJson(hash));
        }
        assertThat(count("open_message")).isEqualTo(1);
        StoredOpenMessage open = openMessageOfEpoch(18).orElseThrow();
        assertThat(open.epoch()).isEqualTo(18);
        assertThat(open.certified()).isTrue();
        assertThat(open.expired()).isFalse();
        assertThat(open.expiresAt()).isNull();
        assertThat(open.createdAt()).isEqualTo(Rfc3339.format(NOW));
        assertThat(MessageJson.parse(open.protocolMessage()))
                .isEqualTo(
                        MessageJson.parse(Fixtures.certificateJson(MASTER_18)).get("protocol_message"));
    }

    @Test
    void theStoredGenesisReadsBackAsTheLeadersGenesis() {
        synchronizer(genuineLeader()).synchronize(false);

        String stored =
                certificates.findLatestGenesisMessage().await().atMost(T).orElseThrow();
        Certificate local = CertificateJson.readCertificate(stored);
        Certificate remote = genuineLeader().genesis.orElseThrow();
        assertThat(local).isEqualTo(remote);
        assertThat(CertificateJson.writeCertificate(local)).isEqualTo(CertificateJson.writeCertificate(remote));
    }

    @Test
    void aSecondRunWithTheSameGenesisDoesNothingAndAForcedRunReplacesWithoutDuplicates() {
        synchronizer(genuineLeader()).synchronize(false);
        List<String> before = storeSnapshot();
        Map<String, Long> order = storedInsertionOrder();
        StoredOpenMessage open = openMessageOfEpoch(18).orElseThrow();

        SyncResult again = synchronizer(genuineLeader()).synchronize(false);

        assertThat(again.state()).isEqualTo(SyncState.REMOTE_GENESIS_MATCHES_LOCAL_GENESIS);
        assertThat(again.stored()).isZero();
        assertThat(again.latestEpoch()).isEmpty();
        assertThat(storeSnapshot()).isEqualTo(before);

        SyncResult forced = synchronizer(genuineLeader()).synchronize(true);

        assertThat(forced.state()).isEqualTo(SyncState.FORCED);
        assertThat(forced.stored()).isEqualTo(11);
        assertThat(count("certificate")).isEqualTo(11);
        assertThat(count("open_message")).isEqualTo(1);
        Map<String, Long> reordered = storedInsertionOrder();
        assertThat(reordered.keySet()).containsExactlyElementsOf(expectedKeptHashes());
        order.forEach((hash, seq) -> assertThat(reordered.get(hash)).as(hash).isGreaterThan(seq));
        assertThat(openMessageOfEpoch(18).orElseThrow().id()).isNotEqualTo(open.id());
    }

    @Test
    void aLocalGenesisOtherThanTheLeadersIsSynchronizedOver() {
        ObjectNode foreign = fixtureTrees().get(Fixtures.GENESIS);
        foreign.put("hash", "f0".repeat(32));
        certificates.save(foreign.toString()).await().atMost(T);

        SyncResult result = synchronizer(genuineLeader()).synchronize(false);

        assertThat(result.state()).isEqualTo(SyncState.REMOTE_GENESIS_DOESNT_MATCH_LOCAL_GENESIS);
        assertThat(result.stored()).isEqualTo(11);
        assertThat(count("certificate")).isEqualTo(12);
        assertThat(CertificateJson.readCertificate(certificates
                                .findLatestGenesisMessage()
                                .await()
                                .atMost(T)
                                .orElseThrow())
                        .hash())
                .isEqualTo(Fixtures.GENESIS);
    }

    // ------------------------------------------------------------------ a leader that must not be followed

    /** Edit the JSON-hex of a multi-signature: decode to its JSON text, edit, encode. */
    private static String editJsonHex(String jsonHex, String from, String to) {
        HexFormat hex = HexFormat.of();
        String json = new String(hex.parseHex(jsonHex), StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        return hex.formatHex(
                json.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8));
    }

    /** Change one hex digit: a different but well-formed value of the same length. */
    private static String otherDigit(String hexText, int index) {
        char c = hexText.charAt(index);
        char other = c == '0' ? '1' : '0';
        return hexText.substring(0, index) + other + hexText.substring(index + 1);
    }

    /** A leader serving an edited chain, and the hash of the edited certificate. */
    private record Tampered(StubLeader leader, String hash) {}

    /**
     * The fixture with certificate {@code hash} edited, then its hash recomputed ({@link Certificate#computeHash()})
     * and every certificate chained to it re-pointed and re-hashed in turn, so that only the edit itself can be
     * refused.
     */
    private static Tampered editedAndRehashed(String hash, Consumer<ObjectNode> edit) {
        Map<String, ObjectNode> trees = fixtureTrees();
        edit.accept(trees.get(hash));
        Map<String, String> renamed = new LinkedHashMap<>();
        rehash(trees, hash, renamed);
        Map<String, ObjectNode> byNewHash = new LinkedHashMap<>();
        trees.values().forEach(t -> byNewHash.put(t.get("hash").asText(), t));
        StubLeader leader = new StubLeader(
                byNewHash,
                renamed.getOrDefault(Fixtures.LATEST, Fixtures.LATEST),
                renamed.getOrDefault(Fixtures.GENESIS, Fixtures.GENESIS));
        return new Tampered(leader, renamed.get(hash));
    }

    private static void rehash(Map<String, ObjectNode> trees, String oldHash, Map<String, String> renamed) {
        ObjectNode node = trees.get(oldHash);
        String newHash = CertificateJson.readCertificate(node.toString()).computeHash();
        node.put("hash", newHash);
        renamed.put(oldHash, newHash);
        for (Map.Entry<String, ObjectNode> child : trees.entrySet()) {
            if (child.getValue().get("previous_hash").asText().equals(oldHash)) {
                child.getValue().put("previous_hash", newHash);
                rehash(trees, child.getKey(), renamed);
            }
        }
    }

    private static StubLeader edited(String hash, Consumer<ObjectNode> edit) {
        Map<String, ObjectNode> trees = fixtureTrees();
        edit.accept(trees.get(hash));
        return new StubLeader(trees, Fixtures.LATEST, Fixtures.GENESIS);
    }

    /** A multi-signature with one digit changed (the stake of a signer): the certificate's hash no longer matches. */
    private static StubLeader multiSignatureDigitChanged() {
        return edited(
                MASTER_10,
                c -> c.put(
                        "multi_signature",
                        editJsonHex(c.get("multi_signature").asText(), "20000000001]", "20000000002]")));
    }

    private void assertRefused(
            LeaderAggregator leader, boolean force, String hash, Class<?> cause, String reason, List<String> before) {
        CertificateChainSyncException e = assertThrows(
                CertificateChainSyncException.class, () -> synchronizer(leader).synchronize(force));
        assertThat(e.getMessage())
                .startsWith("Failed to retrieve and validate remote certificate chain: Failed to verify certificate: `"
                        + hash + "`: ")
                .contains(reason)
                .doesNotContain("\n");
        assertThat(e.getCause()).isInstanceOf(cause);
        assertThat(storeSnapshot()).isEqualTo(before);
    }

    @Test
    void aMultiSignatureWithOneDigitChangedIsRefusedAndNothingStored() {
        assertRefused(
                multiSignatureDigitChanged(),
                false,
                MASTER_10,
                CertificateHashUnmatch.class,
                "certificate hash unmatch error",
                List.of());
        assertThat(count("certificate")).isZero();
        assertThat(count("open_message")).isZero();
    }

    @Test
    void aChangedPreviousHashIsRefusedAndNothingStored() {
        StubLeader leader = edited(MASTER_10, c -> c.put("previous_hash", CSD_9));
        assertRefused(
                leader, false, MASTER_10, CertificateHashUnmatch.class, "certificate hash unmatch error", List.of());
    }

    @Test
    void aChangedGenesisSignatureIsRefusedByItsSignatureCheckAndNothingStored() {
        Tampered t = editedAndRehashed(
                Fixtures.GENESIS,
                c -> c.put(
                        "genesis_signature",
                        otherDigit(c.get("genesis_signature").asText(), 10)));
        assertThat(t.hash()).isNotEqualTo(Fixtures.GENESIS);
        assertRefused(t.leader(), false, t.hash(), CertificateGenesis.class, "certificate genesis error", List.of());
    }

    @Test
    void aChangedCertificateWithItsHashRecomputedIsRefusedByItsMultiSignatureAndNothingStored() {
        // a valid aggregate verification key, of another epoch
        String otherAvk = MessageJson.parse(Fixtures.certificateJson(MASTER_9))
                .get("aggregate_verification_key")
                .asText();
        Tampered t = editedAndRehashed(MASTER_10, c -> c.put("aggregate_verification_key", otherAvk));
        assertThat(t.hash()).isNotEqualTo(MASTER_10);
        assertRefused(
                t.leader(),
                false,
                t.hash(),
                VerifyMultiSignature.class,
                "multi signature verification failed",
                List.of());
    }

    @Test
    void aTamperedLeaderChangesNothingOfAnAlreadySynchronizedStoreAndTheFixedLeaderIsFollowedAgain() {
        synchronizer(genuineLeader()).synchronize(false);
        List<String> synced = storeSnapshot();
        assertThat(count("certificate")).isEqualTo(11);

        // another genesis: the local one no longer matches, so the chain is walked, and refused
        Tampered genesis = editedAndRehashed(
                Fixtures.GENESIS,
                c -> c.put(
                        "genesis_signature",
                        otherDigit(c.get("genesis_signature").asText(), 10)));
        assertRefused(
                genesis.leader(), false, genesis.hash(), CertificateGenesis.class, "certificate genesis error", synced);
        // same genesis, forced
        assertRefused(
                multiSignatureDigitChanged(),
                true,
                MASTER_10,
                CertificateHashUnmatch.class,
                "certificate hash unmatch error",
                synced);

        SyncResult fixed = synchronizer(genuineLeader()).synchronize(true);

        assertThat(fixed.stored()).isEqualTo(11);
        assertThat(count("certificate")).isEqualTo(11);
        assertThat(count("open_message")).isEqualTo(1);
    }

    @Test
    void afterARefusalTheFixedLeaderIsFollowed() {
        assertRefused(
                multiSignatureDigitChanged(),
                false,
                MASTER_10,
                CertificateHashUnmatch.class,
                "certificate hash unmatch error",
                List.of());

        SyncResult fixed = synchronizer(genuineLeader()).synchronize(false);

        assertThat(fixed.state()).isEqualTo(SyncState.NO_LOCAL_GENESIS);
        assertThat(storedInsertionOrder().keySet()).containsExactlyElementsOf(expectedKeptHashes());
    }

    @Test
    void aLeaderWithoutAChainIsAnErrorAndNothingIsStored() {
        assertThatThrownBy(() -> synchronizer(StubLeader.empty()).synchronize(false))
                .isInstanceOf(CertificateChainSyncException.class)
                .hasMessage(
                        "Remote aggregator doesn't have a chain yet: Failed to retrieve latest remote certificate details");
        assertThat(count("certificate")).isZero();
        assertThat(count("open_message")).isZero();

        synchronizer(genuineLeader()).synchronize(false);
        List<String> synced = storeSnapshot();
        assertThatThrownBy(() -> synchronizer(StubLeader.empty()).synchronize(false))
                .isInstanceOf(CertificateChainSyncException.class)
                .hasMessage("Failed to check if certificate chain should be sync (force: `false`):"
                        + " Remote aggregator doesn't have a chain yet");
        assertThat(storeSnapshot()).isEqualTo(synced);
    }

    @Test
    void aLeaderErrorIsReportedWithItsMessage() {
        StubLeader missingParent = new StubLeader(
                Map.of(Fixtures.LATEST, fixtureTrees().get(Fixtures.LATEST)), Fixtures.LATEST, Fixtures.GENESIS);
        assertThatThrownBy(() -> synchronizer(missingParent).synchronize(false))
                .isInstanceOf(CertificateChainSyncException.class)
                .hasMessageStartingWith("Failed to retrieve and validate remote certificate chain: Failed to verify"
                        + " certificate: `" + Fixtures.LATEST + "`: ")
                .hasMessageContaining("GET http://stub-leader/aggregator/certificate/" + MASTER_18 + ": 404");
        assertThat(count("certificate")).isZero();
    }

    // ------------------------------------------------------------------ walk bounds

    @Test
    void aChainLongerThanTheCapIsRefused() {
        // the walk meets 12 certificates: the latest, then one per epoch from 18 down to the genesis of epoch 8
        assertThatThrownBy(() -> synchronizer(genuineLeader(), 11).synchronize(false))
                .isInstanceOf(CertificateChainSyncException.class)
                .hasMessageStartingWith(
                        "Failed to retrieve and validate remote certificate chain: the chain is longer than 11");
        assertThat(count("certificate")).isZero();

        assertThat(synchronizer(genuineLeader(), 12).synchronize(false).stored())
                .isEqualTo(11);
    }

    @Test
    void aCycleIsRefused() {
        Map<String, ObjectNode> trees = fixtureTrees();
        Certificate a = CertificateJson.readCertificate(trees.get(MASTER_18).toString());
        Certificate b = CertificateJson.readCertificate(trees.get(MASTER_10).toString());
        StubLeader leader = new StubLeader(Map.of(MASTER_18, trees.get(MASTER_18)), MASTER_18, null);
        // a verifier that would accept anything, chaining the two certificates to each other
        CertificateChainSynchronizer.CertificateCheck accepting =
                c -> Optional.of(c.hash().equals(a.hash()) ? b : a);
        var synchronizer = new CertificateChainSynchronizer(
                leader, accepting, certificates, openMessages, stores, Clock.systemUTC(), 1_000);

        assertThatThrownBy(() -> synchronizer.synchronize(false))
                .isInstanceOf(CertificateChainSyncException.class)
                .hasMessage("Failed to retrieve and validate remote certificate chain: certificate `" + MASTER_18
                        + "` comes twice in the chain (a cycle)");
        assertThat(count("certificate")).isZero();
    }
}
