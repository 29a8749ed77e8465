/**
 * PostgreSQL storage: the embedded server, Flyway migrations ({@code db/migration}) and repositories over
 * the Vert.x reactive client. Messages are stored as their exact JSON text next to indexed columns, read from
 * the message by {@link io.mithrilj.aggregator.persistence.CertificateFields} and
 * {@link io.mithrilj.aggregator.persistence.ArtifactFields}. Repositories take the connection they run on;
 * {@link io.mithrilj.aggregator.persistence.Stores} runs several writes as one transaction. Read caches
 * ({@link io.mithrilj.aggregator.persistence.ReadCache}) follow the change generation of
 * {@link io.mithrilj.aggregator.persistence.StoreChanges}.
 */
package io.mithrilj.aggregator.persistence;
