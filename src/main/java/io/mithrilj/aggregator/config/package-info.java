/**
 * The operator settings: every key of upstream's {@code configuration.rs} under its upstream name and default
 * ({@link io.mithrilj.aggregator.config.Settings}), layered and checked before anything starts
 * ({@link io.mithrilj.aggregator.config.ResolvedSettings}), handed to Quarkus by one config source and typed by
 * one {@code @ConfigMapping} ({@link io.mithrilj.aggregator.config.AggregatorConfig}); the settings the API
 * derives from them ({@link io.mithrilj.aggregator.config.ApiSettings}).
 */
package io.mithrilj.aggregator.config;
