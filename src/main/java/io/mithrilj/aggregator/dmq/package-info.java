/**
 * DMQ (the decentralized message queue through which signers will also send single signatures): for now only the
 * status the ops console shows, which the DMQ consumer will fill when it is built.
 */
package io.mithrilj.aggregator.dmq;
