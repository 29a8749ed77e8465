package io.mithrilj.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorMetricsTest {

    /** The 25 names of upstream's operator guide (run-aggregator-node.md at 2603.1), exactly. */
    static final List<String> GUIDE_NAMES = List.of(
            "mithril_aggregator_certificate_detail_total_served_since_startup",
            "mithril_aggregator_artifact_detail_cardano_db_total_served_since_startup",
            "mithril_aggregator_cardano_db_total_restoration_since_startup",
            "mithril_aggregator_cardano_db_immutable_files_restored_since_startup",
            "mithril_aggregator_cardano_db_ancillary_files_restored_since_startup",
            "mithril_aggregator_cardano_db_complete_restoration_since_startup",
            "mithril_aggregator_cardano_db_partial_restoration_since_startup",
            "mithril_aggregator_artifact_detail_cardano_database_total_served_since_startup",
            "mithril_aggregator_artifact_detail_mithril_stake_distribution_total_served_since_startup",
            "mithril_aggregator_artifact_detail_cardano_stake_distribution_total_served_since_startup",
            "mithril_aggregator_artifact_detail_cardano_transaction_total_served_since_startup",
            "mithril_aggregator_proof_cardano_transaction_total_proofs_served_since_startup",
            "mithril_aggregator_proof_cardano_transaction_total_transactions_served_since_startup",
            "mithril_aggregator_signer_registration_total_received_since_startup",
            "mithril_aggregator_signer_registration_total_successful_since_startup",
            "mithril_aggregator_signature_registration_total_received_since_startup",
            "mithril_aggregator_signature_registration_total_successful_since_startup",
            "mithril_aggregator_certificate_total_produced_since_startup",
            "mithril_aggregator_artifact_cardano_db_total_produced_since_startup",
            "mithril_aggregator_artifact_cardano_database_total_produced_since_startup",
            "mithril_aggregator_artifact_mithril_stake_distribution_total_produced_since_startup",
            "mithril_aggregator_artifact_cardano_stake_distribution_total_produced_since_startup",
            "mithril_aggregator_artifact_cardano_transaction_total_produced_since_startup",
            "mithril_aggregator_runtime_cycle_success_since_startup",
            "mithril_aggregator_runtime_cycle_total_since_startup");

    @Test
    void theContractIsTheGuidesNames() {
        assertThat(Arrays.stream(MithrilMetric.values())
                        .map(MithrilMetric::metricName)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(GUIDE_NAMES);
    }

    @Test
    void everyNameIsExposedFromStartAsACounterWithoutSuffix() {
        String text = new AggregatorMetrics().scrape();
        for (String name : GUIDE_NAMES) {
            assertThat(text).contains("# TYPE " + name + " counter\n");
            assertThat(text).containsPattern("(?m)^" + name + "(\\{[^}]*\\})? 0$");
            assertThat(text).doesNotContain(name + "_total");
        }
    }

    @Test
    void incrementsCarryUpstreamsLabels() {
        AggregatorMetrics metrics = new AggregatorMetrics();
        metrics.increment(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "EXPLORER", "CLI");
        metrics.increment(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "EXPLORER", "CLI");
        metrics.add(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED, 12, "NA", "WASM");
        metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "DMQ");
        metrics.increment(MithrilMetric.RUNTIME_CYCLE_TOTAL);
        String text = metrics.scrape();
        assertThat(text)
                .contains(
                        "mithril_aggregator_certificate_detail_total_served_since_startup{origin_tag=\"EXPLORER\",client_type=\"CLI\"} 2\n")
                .contains(
                        "mithril_aggregator_cardano_db_immutable_files_restored_since_startup{origin_tag=\"NA\",client_type=\"WASM\"} 12\n")
                .contains(
                        "mithril_aggregator_signature_registration_total_received_since_startup{origin_tag=\"DMQ\"} 1\n")
                .contains("mithril_aggregator_runtime_cycle_total_since_startup 1\n");
        assertThat(metrics.value(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "EXPLORER", "CLI"))
                .isEqualTo(2);
        assertThatThrownBy(() -> metrics.increment(MithrilMetric.RUNTIME_CYCLE_TOTAL, "NA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
