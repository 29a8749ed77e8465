package io.mithrilj.aggregator.metrics;

import java.util.List;

/**
 * The 25 counters of upstream's operator guide, under their exact names (dashboards such as Grafana
 * 22165 query them), with the labels upstream's code attaches.
 */
public enum MithrilMetric {
    CERTIFICATE_DETAIL_TOTAL_SERVED(
            "mithril_aggregator_certificate_detail_total_served_since_startup",
            "Certificate details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    ARTIFACT_DETAIL_CARDANO_DB_TOTAL_SERVED(
            "mithril_aggregator_artifact_detail_cardano_db_total_served_since_startup",
            "Number of Cardano immutable files full artifact details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    CARDANO_DB_TOTAL_RESTORATION(
            "mithril_aggregator_cardano_db_total_restoration_since_startup",
            "Number of Cardano immutable files full restorations since startup on a Mithril aggregator node",
            Labels.CLIENT),
    CARDANO_DB_IMMUTABLE_FILES_RESTORED(
            "mithril_aggregator_cardano_db_immutable_files_restored_since_startup",
            "Number of Cardano immutable files restored since startup on a Mithril aggregator node",
            Labels.CLIENT),
    CARDANO_DB_ANCILLARY_FILES_RESTORED(
            "mithril_aggregator_cardano_db_ancillary_files_restored_since_startup",
            "Number of Cardano ancillary files restored since startup on a Mithril aggregator node",
            Labels.CLIENT),
    CARDANO_DB_COMPLETE_RESTORATION(
            "mithril_aggregator_cardano_db_complete_restoration_since_startup",
            "Number of complete Cardano database restorations since startup on a Mithril aggregator node",
            Labels.CLIENT),
    CARDANO_DB_PARTIAL_RESTORATION(
            "mithril_aggregator_cardano_db_partial_restoration_since_startup",
            "Number of partial Cardano database restorations since startup on a Mithril aggregator node",
            Labels.CLIENT),
    ARTIFACT_DETAIL_CARDANO_DATABASE_TOTAL_SERVED(
            "mithril_aggregator_artifact_detail_cardano_database_total_served_since_startup",
            "Number of Cardano database artifact details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    ARTIFACT_DETAIL_MITHRIL_STAKE_DISTRIBUTION_TOTAL_SERVED(
            "mithril_aggregator_artifact_detail_mithril_stake_distribution_total_served_since_startup",
            "Number of Mithril stake distribution artifact details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED(
            "mithril_aggregator_artifact_detail_cardano_stake_distribution_total_served_since_startup",
            "Number of Cardano stake distribution artifact details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    ARTIFACT_DETAIL_CARDANO_TRANSACTION_TOTAL_SERVED(
            "mithril_aggregator_artifact_detail_cardano_transaction_total_served_since_startup",
            "Number of Cardano transaction artifact details served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    PROOF_CARDANO_TRANSACTION_TOTAL_PROOFS_SERVED(
            "mithril_aggregator_proof_cardano_transaction_total_proofs_served_since_startup",
            "Number of Cardano transaction proofs served since startup on a Mithril aggregator node",
            Labels.CLIENT),
    PROOF_CARDANO_TRANSACTION_TOTAL_TRANSACTIONS_SERVED(
            "mithril_aggregator_proof_cardano_transaction_total_transactions_served_since_startup",
            "Number of Cardano transaction hashes requested for proof since startup on a Mithril aggregator node",
            Labels.CLIENT),
    SIGNER_REGISTRATION_TOTAL_RECEIVED(
            "mithril_aggregator_signer_registration_total_received_since_startup",
            "Number of signer registrations received since startup on a Mithril aggregator node",
            Labels.ORIGIN),
    SIGNER_REGISTRATION_TOTAL_SUCCESSFUL(
            "mithril_aggregator_signer_registration_total_successful_since_startup",
            "Number of successful signer registrations received since startup on a Mithril aggregator node",
            Labels.ORIGIN),
    SIGNATURE_REGISTRATION_TOTAL_RECEIVED(
            "mithril_aggregator_signature_registration_total_received_since_startup",
            "Number of signature registrations received since startup on a Mithril aggregator node",
            Labels.ORIGIN),
    SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL(
            "mithril_aggregator_signature_registration_total_successful_since_startup",
            "Number of successful signature registrations received since startup on a Mithril aggregator node",
            Labels.ORIGIN),
    CERTIFICATE_TOTAL_PRODUCED(
            "mithril_aggregator_certificate_total_produced_since_startup",
            "Number of certificates produced since startup on a Mithril aggregator node",
            Labels.NONE),
    ARTIFACT_CARDANO_DB_TOTAL_PRODUCED(
            "mithril_aggregator_artifact_cardano_db_total_produced_since_startup",
            "Number of Cardano immutable files full artifacts produced since startup on a Mithril aggregator node",
            Labels.NONE),
    ARTIFACT_CARDANO_DATABASE_TOTAL_PRODUCED(
            "mithril_aggregator_artifact_cardano_database_total_produced_since_startup",
            "Number of Cardano database artifacts produced since startup on a Mithril aggregator node",
            Labels.NONE),
    ARTIFACT_MITHRIL_STAKE_DISTRIBUTION_TOTAL_PRODUCED(
            "mithril_aggregator_artifact_mithril_stake_distribution_total_produced_since_startup",
            "Number of Mithril stake distribution artifacts produced since startup on a Mithril aggregator node",
            Labels.NONE),
    ARTIFACT_CARDANO_STAKE_DISTRIBUTION_TOTAL_PRODUCED(
            "mithril_aggregator_artifact_cardano_stake_distribution_total_produced_since_startup",
            "Number of Cardano stake distribution artifacts produced since startup on a Mithril aggregator node",
            Labels.NONE),
    ARTIFACT_CARDANO_TRANSACTION_TOTAL_PRODUCED(
            "mithril_aggregator_artifact_cardano_transaction_total_produced_since_startup",
            "Number of Cardano transaction artifacts produced since startup on a Mithril aggregator node",
            Labels.NONE),
    RUNTIME_CYCLE_SUCCESS(
            "mithril_aggregator_runtime_cycle_success_since_startup",
            "Number of successful runtime cycles since startup on a Mithril aggregator",
            Labels.NONE),
    RUNTIME_CYCLE_TOTAL(
            "mithril_aggregator_runtime_cycle_total_since_startup",
            "Number of runtime cycles since startup on a Mithril aggregator",
            Labels.NONE);

    /** The label sets upstream attaches. */
    public enum Labels {
        NONE(List.of()),
        ORIGIN(List.of("origin_tag")),
        CLIENT(List.of("origin_tag", "client_type"));

        final List<String> names;

        Labels(List<String> names) {
            this.names = names;
        }
    }

    private final String metricName;
    private final String help;
    private final Labels labels;

    MithrilMetric(String metricName, String help, Labels labels) {
        this.metricName = metricName;
        this.help = help;
        this.labels = labels;
    }

    public String metricName() {
        return metricName;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labels.names;
    }
}
