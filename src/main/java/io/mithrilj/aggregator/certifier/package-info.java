/**
 * Certificates on the stores (upstream {@code services/certifier}): the certificate messages served, and the
 * genesis tools (export the payload to sign, import or bootstrap the genesis certificate). Open messages and
 * their certification come with the runtime.
 */
package io.mithrilj.aggregator.certifier;
