/**
 * Signer registration and single signatures as they arrive (upstream {@code services/signer_registerer} and
 * {@code signature_processor}): validated bodies in, upstream's decisions out. The registration rounds come
 * with the runtime.
 */
package io.mithrilj.aggregator.registration;
