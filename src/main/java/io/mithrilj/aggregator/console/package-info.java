/**
 * The ops console: server-rendered read-only pages under {@code /console} (Qute templates and assets in the top-level
 * {@code ops-console/} folder, panels refreshed by htmx polling of {@code /console/fragments/...}). It reads the
 * features' own state (runtime, epoch, certifier, follower, DMQ status, metrics), never the stores.
 */
package io.mithrilj.aggregator.console;
