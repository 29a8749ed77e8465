/**
 * The aggregator REST API under {@code /aggregator} (openapi 0.1.57, behaviour of upstream 2603.1's
 * warp routes): one resource per route group, the {@code mithril-api-version} header and body-size filter
 * on every response, one exception hierarchy ({@link io.mithrilj.aggregator.api.ApiException}) mapped once
 * to upstream's error bodies. Reads and writes go through {@code io.mithrilj.aggregator.service}, never
 * through {@code persistence} directly.
 */
package io.mithrilj.aggregator.api;
