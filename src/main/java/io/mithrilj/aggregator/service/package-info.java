/**
 * Read and write services between the REST API and the repositories: they turn stored rows into
 * upstream's messages (as JSON text or order-preserving trees), and hold the ports of features not built
 * yet ({@link io.mithrilj.aggregator.service.EpochSource}, signer registration round, signature
 * authentication).
 */
package io.mithrilj.aggregator.service;
