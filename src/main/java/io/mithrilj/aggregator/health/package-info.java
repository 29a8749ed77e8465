/** Liveness and readiness probes ({@code /q/health/live}, {@code /q/health/ready}). */
package io.mithrilj.aggregator.health;
