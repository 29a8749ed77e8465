/**
 * PostgreSQL storage: the embedded server, Flyway migrations ({@code db/migration}) and repositories over
 * the Vert.x reactive client. Messages are stored as their exact JSON text next to indexed columns.
 */
package io.mithrilj.aggregator.persistence;
