/**
 * The self-contained devnet of the embedded default ({@code CHAIN_OBSERVER_TYPE=fake}): a simulated Cardano
 * chain (upstream's fake chain observer grown into a clock-driven chain) and simulated stake pools whose
 * signers build, and send over HTTP, the exact messages a real {@code mithril-signer} sends. Plain Java: uses
 * {@code protocol}, {@code crypto.*}, {@code chain} and the JDK HTTP client; nothing of Quarkus or persistence.
 */
package io.mithrilj.aggregator.devnet;
