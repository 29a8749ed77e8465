package io.mithrilj.aggregator.follower;

import io.mithrilj.aggregator.certificate.CertificateRetrieverException;

/** A request to the leader aggregator failed: the message names the URL and what was wrong, on one line. */
public class LeaderAggregatorException extends CertificateRetrieverException {
    public LeaderAggregatorException(String message) {
        super(message);
    }

    public LeaderAggregatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
