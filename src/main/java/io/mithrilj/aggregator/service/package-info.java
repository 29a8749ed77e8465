/**
 * What is left of the former service layer: the read-through cache of served JSON texts ({@link
 * io.mithrilj.aggregator.service.ReadCache}), which moves to {@code persistence} with the unit of work
 * (issue 16 part B). The queries and ports moved to their feature packages ({@code epoch}, {@code
 * registration}, {@code certifier}, {@code artifact}).
 */
package io.mithrilj.aggregator.service;
