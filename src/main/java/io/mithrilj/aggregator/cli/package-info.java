/**
 * Standalone picocli command classes (no CDI) for the certificate tools: {@code tools
 * verify-certificate-chain} against a remote aggregator, and the offline {@code genesis generate-keypair}
 * and {@code genesis sign}. The top-level CLI registers them as subcommands. Also the JDK-HttpClient
 * certificate retriever for an aggregator's REST API.
 */
package io.mithrilj.aggregator.cli;
