package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.Epoch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upkeep at epoch N with STORE_RETENTION_LIMIT=2 (acting as 3): stake pools and epoch settings before N − 3, signer
 * registrations before N + 1 − 3 are deleted, the rest kept (spec aggregator-runtime.md §7). Epochs 0–5 here: the
 * shared test database holds the API fixture's rows from epoch 8 on, which these bounds never reach.
 */
@QuarkusTest
@TestProfile(UpkeepServiceTest.RetentionLimit.class)
class UpkeepServiceTest {
    static final Duration T = Duration.ofSeconds(30);

    public static class RetentionLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mithril.store-retention-limit", "2");
        }
    }

    @Inject
    UpkeepService upkeep;

    @Inject
    StakePoolRepository stakePools;

    @Inject
    EpochSettingRepository epochSettings;

    @Inject
    SignerRepository signers;

    @Inject
    Pool pool;

    private long count(String sql, long epoch) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(epoch))
                .await()
                .atMost(T)
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void prunesWhatIsOlderThanTheRetentionAndKeepsTheRest() {
        signers.saveSigner("upkeep-pool", null, "2030-01-01T00:00:00Z", null)
                .await()
                .atMost(T);
        for (long e = 0; e <= 4; e++) {
            stakePools
                    .save(e, "upkeep-pool", BigInteger.TEN, "2030-01-01T00:00:00Z")
                    .await()
                    .atMost(T);
            epochSettings
                    .saveIfAbsent(e, "{\"k\":5,\"m\":100,\"phi_f\":0.65}", null)
                    .await()
                    .atMost(T);
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            "upkeep-pool", e, "vk", null, null, null, BigInteger.TEN, "2030-01-01T00:00:00Z"))
                    .await()
                    .atMost(T);
        }
        upkeep.run(new Epoch(5)); // L = max(2, 3) = 3
        String stake = "select count(*) from stake_pool where stake_pool_id = 'upkeep-pool' and epoch = $1";
        String setting = "select count(*) from epoch_setting where epoch_setting_id = $1";
        String registration =
                "select count(*) from signer_registration where signer_id = 'upkeep-pool' and epoch_setting_id = $1";
        for (long e = 0; e <= 4; e++) {
            assertThat(count(stake, e)).as("stake pool at %d", e).isEqualTo(e < 2 ? 0 : 1);
            assertThat(count(setting, e)).as("epoch setting at %d", e).isEqualTo(e < 2 ? 0 : 1);
            assertThat(count(registration, e)).as("registration at %d", e).isEqualTo(e < 3 ? 0 : 1);
        }
        pool.query("delete from signer_registration where signer_id = 'upkeep-pool'")
                .execute()
                .await()
                .atMost(T);
        pool.query("delete from stake_pool where stake_pool_id = 'upkeep-pool'")
                .execute()
                .await()
                .atMost(T);
        pool.query("delete from epoch_setting where epoch_setting_id <= 4")
                .execute()
                .await()
                .atMost(T);
        pool.query("delete from signer where signer_id = 'upkeep-pool'")
                .execute()
                .await()
                .atMost(T);
    }
}
