package io.mithrilj.aggregator.cardano.ouroboros;

import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException.HandshakeRefused.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the handshake mini-protocol (protocol 0, pallas {@code handshake::Client}): propose a
 * version table, accept what the peer picks if it is ours with our magic, otherwise a typed refusal.
 */
public final class Handshake {

    public static final int PROTOCOL = 0;

    private Handshake() {}

    /** The version the peer accepted and its version data. */
    public record Accepted(long version, long magic) {}

    public static Accepted propose(Multiplexer mux, HandshakeVersions versions) {
        mux.send(PROTOCOL, versions.proposeMessage());
        byte[] reply = mux.receive(PROTOCOL);
        try {
            CborReader r = new CborReader(reply);
            int n = r.readArrayHeader();
            long tag = r.readUnsigned();
            if (tag == 1 && n == 3) {
                long version = r.readUnsigned();
                CborSpan data = r.readRaw();
                if (!versions.versions().containsKey(version))
                    throw new OuroborosException.HandshakeRefused(
                            Reason.WRONG_MAGIC, mux.peer() + " accepted version " + version + " that was not proposed");
                long magic = HandshakeVersions.magicOf(data.bytes());
                if (magic != versions.magic())
                    throw new OuroborosException.HandshakeRefused(
                            Reason.WRONG_MAGIC,
                            mux.peer() + " is on network magic " + magic + ", expected " + versions.magic());
                return new Accepted(version, magic);
            }
            if (tag == 2 && n == 2) throw refusal(mux.peer(), r, versions);
            throw new OuroborosException.ProtocolViolation(
                    mux.peer() + " answered the handshake with message " + tag + " of " + n + " elements", null);
        } catch (CborException e) {
            throw new OuroborosException.ProtocolViolation(
                    mux.peer() + " sent an unreadable handshake reply: " + e.getMessage(), e);
        }
    }

    private static OuroborosException refusal(String peer, CborReader r, HandshakeVersions versions) {
        r.readArrayHeader();
        long kind = r.readUnsigned();
        if (kind == 0) {
            List<Long> theirs = new ArrayList<>();
            int count = r.readArrayHeader();
            for (int i = 0; r.hasNext(count, i); i++) theirs.add(r.readUnsigned());
            return new OuroborosException.HandshakeRefused(
                    Reason.VERSION_MISMATCH,
                    peer + " refused our versions " + versions.versions().keySet() + "; it supports " + theirs);
        }
        long version = r.readUnsigned();
        String text = r.readText();
        return kind == 1
                ? new OuroborosException.HandshakeRefused(
                        Reason.DECODE_ERROR, peer + " could not decode version " + version + ": " + text)
                : new OuroborosException.HandshakeRefused(
                        Reason.REFUSED,
                        peer + " refused version " + version + " with network magic " + versions.magic() + ": " + text);
    }
}
