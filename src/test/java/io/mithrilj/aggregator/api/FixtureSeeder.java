package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.ImmutableFileDigestRepository;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds the stores with upstream's aggregator fake data, through the repositories, once per test JVM:
 * certificates and artifacts oldest first (so insertion order = upstream's ROWID order), epoch settings
 * 17–19 and the registrations behind {@code epoch-settings.json} (current epoch 18).
 */
@ApplicationScoped
public class FixtureSeeder {

    static final long CURRENT_EPOCH = 18;
    static final BigInteger STAKE = new BigInteger("20000000001");
    static final Map<String, String> DIGESTS = Map.of(
            "00001.chunk", "8b5c0d4ebf1f1e5f40d1a1d3c6a9f0a4e1c1a0b3e8d5f8c2a7b4c1d0e9f8a7b6",
            "00001.primary", "1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
            "00002.chunk", "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1");

    private static volatile boolean seeded;

    @Inject
    CertificateRepository certificates;

    @Inject
    SignedEntityRepository signedEntities;

    @Inject
    EpochSettingRepository epochSettings;

    @Inject
    SignerRepository signers;

    @Inject
    StakePoolRepository stakePools;

    @Inject
    ImmutableFileDigestRepository digests;

    synchronized void seedOnce() {
        if (seeded) return;
        Duration t = Duration.ofSeconds(60);
        for (String c : Fixtures.detailsOldestFirst("certificates.json", "metadata", "sealed_at")) {
            certificates.save(c).await().atMost(t);
        }
        seedArtifacts(SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION, "mithril-stake-distributions.json", t);
        seedArtifacts(SignedEntityKind.CARDANO_STAKE_DISTRIBUTION, "cardano-stake-distributions.json", t);
        seedArtifacts(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL, "snapshots.json", t);
        seedArtifacts(SignedEntityKind.CARDANO_DATABASE, "cardano-databases.json", t);
        seedArtifacts(SignedEntityKind.CARDANO_TRANSACTIONS, "ctx-snapshots.json", t);

        JsonNode settings = Fixtures.json("epoch-settings.json");
        String params = MessageJson.write(settings.get("signer_registration_protocol"));
        String signing = MessageJson.write(settings.get("cardano_transactions_signing_config"));
        for (long e = CURRENT_EPOCH - 1; e <= CURRENT_EPOCH + 1; e++)
            epochSettings.save(e, params, signing).await().atMost(t);
        seedRegistrations(settings.get("current_signers"), CURRENT_EPOCH - 1, t);
        seedRegistrations(settings.get("next_signers"), CURRENT_EPOCH, t);
        for (JsonNode s : settings.get("current_signers")) {
            stakePools
                    .save(CURRENT_EPOCH - 1, s.get("party_id").asText(), STAKE, "2025-07-07T15:43:00Z")
                    .await()
                    .atMost(t);
        }
        DIGESTS.forEach((name, digest) -> digests.save(name, digest).await().atMost(t));
        seeded = true;
    }

    private void seedArtifacts(SignedEntityKind kind, String file, Duration t) {
        for (String a : Fixtures.detailsOldestFirst(file, "created_at"))
            signedEntities.save(kind, a).await().atMost(t);
    }

    /** Stored so that upstream's ROWID-descending read gives the fixture's order. */
    private void seedRegistrations(JsonNode list, long epoch, Duration t) {
        List<JsonNode> reversed = new ArrayList<>();
        list.forEach(n -> reversed.addFirst(n));
        boolean first = true;
        for (JsonNode s : reversed) {
            String party = s.get("party_id").asText();
            signers.saveSigner(party, first ? "TICK" : null, "2025-07-07T15:42:00Z", "2025-07-07T15:42:30Z")
                    .await()
                    .atMost(t);
            first = false;
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            party,
                            epoch,
                            s.get("verification_key").asText(),
                            text(s, "verification_key_signature"),
                            text(s, "operational_certificate"),
                            s.hasNonNull("kes_period") ? s.get("kes_period").asLong() : null,
                            STAKE,
                            "2025-07-07T15:42:30Z"))
                    .await()
                    .atMost(t);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
