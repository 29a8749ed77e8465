package io.mithrilj.aggregator.cardano.ouroboros;

/**
 * A node-to-client exchange that failed (the errors of pallas' {@code plexer}/{@code handshake} upstream).
 * The subtypes are the cases callers tell apart; each message names the socket.
 */
public abstract sealed class OuroborosException extends RuntimeException
        permits OuroborosException.SocketMissing,
                OuroborosException.HandshakeRefused,
                OuroborosException.ConnectionLost,
                OuroborosException.ProtocolViolation,
                OuroborosException.TimedOut {

    OuroborosException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No socket at the path, or nobody listening on it (node not started, or restarting). */
    public static final class SocketMissing extends OuroborosException {
        public SocketMissing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The handshake did not end with a version both sides accept for this network. */
    public static final class HandshakeRefused extends OuroborosException {

        /** Why: the refusal reasons of the handshake protocol, plus a magic that is not ours. */
        public enum Reason {
            /** {@code refuse [0, versions]}: none of our versions is supported by the peer. */
            VERSION_MISMATCH,
            /** {@code refuse [1, version, text]}: the peer could not decode our version data. */
            DECODE_ERROR,
            /** {@code refuse [2, version, text]}: refused, e.g. a network magic mismatch. */
            REFUSED,
            /** The peer accepted a version we did not propose or with another network magic. */
            WRONG_MAGIC
        }

        private final Reason reason;

        public HandshakeRefused(Reason reason, String message) {
            super(message, null);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The peer closed the connection or the socket failed while a reply was awaited. */
    public static final class ConnectionLost extends OuroborosException {
        public ConnectionLost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The peer sent bytes or a message that the protocol does not allow at this point. */
    public static final class ProtocolViolation extends OuroborosException {
        public ProtocolViolation(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No reply within the configured time. */
    public static final class TimedOut extends OuroborosException {
        public TimedOut(String message) {
            super(message, null);
        }
    }
}
