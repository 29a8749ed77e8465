package io.mithrilj.aggregator.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.crypto.stm.StmRegisteredParty;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistributionParty;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The aggregator side of a certification round, written in the test from the spec (aggregator-runtime.md §3,
 * §10.3, §11) and no production aggregator code: it checks registrations as the leader's verifier does, serves
 * epoch settings, computes the MSD protocol message's seed parts, and checks single signatures.
 */
final class TestAggregator {
    /** One accepted registration, with what the aggregator derived from it. */
    record Registered(
            String partyId,
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            long kesPeriod,
            long stake,
            StmVerificationKeyPoP key) {}

    /** A signature the aggregator accepted, with its signer. */
    record Accepted(String partyId, StmSingleSignature signature) {}

    private final SimulatedChain chain;
    private final ProtocolParameters parameters;
    private final Map<Epoch, LinkedHashMap<String, Registered>> registrations = new HashMap<>();

    TestAggregator(SimulatedChain chain, ProtocolParameters parameters) {
        this.chain = chain;
        this.parameters = parameters;
    }

    /** {@code POST /register-signer} at the chain's epoch N: round epoch N + 1, KES at the chain's period. */
    Registered register(String json) {
        JsonNode m = CertificateJson.parse(json);
        Epoch round = chain.epoch().next();
        if (m.get("epoch").longValue() != round.value()) {
            throw new IllegalStateException("unexpected signer registration round epoch: current_round_epoch: " + round
                    + ", received_epoch: " + m.get("epoch").longValue());
        }
        String vk = m.get("verification_key").textValue();
        String sig = m.get("verification_key_signature").textValue();
        String opcert = m.get("operational_certificate").textValue();
        String partyId = SignerRegistrationAuthenticator.authenticate(
                        vk, sig, opcert, chain.currentKesPeriod().orElseThrow())
                .partyId();
        Long stake = chain.currentStakeDistribution().get(partyId);
        if (stake == null) {
            throw new IllegalStateException("party id does not exist in the stake distribution: " + partyId);
        }
        StmVerificationKeyPoP key;
        try {
            key = StmVerificationKeyPoP.decode(vk);
            key.verifyProofOfPossession();
        } catch (StmException e) {
            throw new IllegalStateException(e);
        }
        Registered r =
                new Registered(partyId, vk, sig, opcert, m.get("kes_period").longValue(), stake, key);
        registrations.computeIfAbsent(round, e -> new LinkedHashMap<>()).put(partyId, r);
        return r;
    }

    List<Registered> registeredAt(Epoch epoch) {
        return List.copyOf(
                registrations.getOrDefault(epoch, new LinkedHashMap<>()).values());
    }

    /** {@code GET /epoch-settings} at the chain's epoch N: current = registrations at N − 1, next = at N. */
    String epochSettingsJson() {
        Epoch n = chain.epoch();
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeNumberField("epoch", n.value());
            g.writeFieldName("signer_registration_protocol");
            g.writeRawValue(CertificateJson.write(parameters));
            for (String field : List.of("current_signers", "next_signers")) {
                g.writeArrayFieldStart(field);
                for (Registered r : registeredAt(field.equals("current_signers") ? n.minus(1) : n)) {
                    g.writeStartObject();
                    g.writeStringField("party_id", r.partyId());
                    g.writeStringField("verification_key", r.verificationKey());
                    g.writeStringField("verification_key_signature", r.verificationKeySignature());
                    g.writeStringField("operational_certificate", r.operationalCertificate());
                    g.writeNumberField("kes_period", r.kesPeriod());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    StmParameters stmParameters() {
        return new StmParameters(parameters.m(), parameters.k(), parameters.phiF());
    }

    /** The closed key registration of the signers registered at {@code epoch}. */
    StmClosedKeyRegistration closedRegistration(Epoch epoch) {
        StmKeyRegistration registration = new StmKeyRegistration();
        try {
            for (Registered r : registeredAt(epoch)) {
                registration.register(r.stake(), r.key());
            }
        } catch (StmException e) {
            throw new IllegalStateException(e);
        }
        return registration.close();
    }

    /**
     * The MithrilStakeDistribution certificate of {@code signing} over {@code message} (aggregator-runtime.md
     * §10.6): chained to {@code parent}; metadata signers = the current signers (registered at signing − 1) who
     * signed, in registration order; the current signers' aggregate verification key.
     */
    Certificate msdCertificate(
            Certificate parent,
            Epoch signing,
            ProtocolMessage message,
            Instant openedAt,
            Instant sealedAt,
            List<Accepted> accepted,
            StmAggregateSignature aggregate) {
        Epoch current = signing.minus(1);
        Set<String> contributors = accepted.stream().map(Accepted::partyId).collect(Collectors.toSet());
        List<StakeDistributionParty> signers = registeredAt(current).stream()
                .filter(r -> contributors.contains(r.partyId()))
                .map(r -> new StakeDistributionParty(r.partyId(), r.stake()))
                .toList();
        return new Certificate(
                        "",
                        parent.hash(),
                        signing,
                        new CertificateMetadata(
                                "devnet",
                                CertificateMetadata.PROTOCOL_VERSION,
                                parameters,
                                openedAt,
                                sealedAt,
                                signers),
                        message,
                        message.computeHash(),
                        closedRegistration(current).aggregateVerificationKey().toJsonHex(),
                        new CertificateSignature.Multi(
                                new SignedEntityType.MithrilStakeDistribution(signing), aggregate.toJsonHex()))
                .withComputedHash();
    }

    /** The protocol parameters of every epoch of the round. */
    ProtocolParameters parameters() {
        return parameters;
    }

    /** The seed parts of a protocol message at epoch N: next AVK (signers at N), next parameters, N. */
    ProtocolMessage seedParts(Epoch n) {
        EnumMap<ProtocolMessagePartKey, String> parts = new EnumMap<>(ProtocolMessagePartKey.class);
        parts.put(
                ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY,
                closedRegistration(n).aggregateVerificationKey().toJsonHex());
        parts.put(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, parameters.computeHash());
        parts.put(ProtocolMessagePartKey.CURRENT_EPOCH, n.toString());
        return ProtocolMessage.of(parts);
    }

    /**
     * {@code POST /register-signatures} against the open message of {@code type} at the chain's epoch N: the
     * signature must verify with the current signers (registered at N − 1) over the open message's hash, and the
     * {@code indexes} field must be the indexes the signature won.
     */
    Accepted acceptSignature(String json, SignedEntityType type, ProtocolMessage openMessage) throws StmException {
        JsonNode m = CertificateJson.parse(json);
        if (!CertificateJson.readSignedEntityType(m.get("entity_type")).equals(type)) {
            throw new IllegalStateException("signature for another beacon: " + m.get("entity_type"));
        }
        String signedMessage = m.get("signed_message").textValue();
        if (!signedMessage.equals(openMessage.computeHash())) {
            throw new IllegalStateException("signature of another message");
        }
        StmSingleSignature signature =
                StmSingleSignature.decode(m.get("signature").textValue());
        long[] claimed = StreamSupport.stream(m.get("indexes").spliterator(), false)
                .mapToLong(JsonNode::longValue)
                .toArray();
        if (!Arrays.equals(claimed, signature.indexes())) {
            throw new IllegalStateException("indexes field differs from the signature's");
        }
        Epoch n = chain.epoch();
        String partyId = m.get("party_id").textValue();
        Registered registered = registrations.get(n.minus(1)).get(partyId);
        if (registered == null) {
            throw new IllegalStateException("not a current signer: " + partyId);
        }
        StmClosedKeyRegistration closed = closedRegistration(n.minus(1));
        StmRegisteredParty party = new StmRegisteredParty(registered.key().vk(), registered.stake());
        if (signature.signerIndex() >= closed.size()
                || !closed.parties().get((int) signature.signerIndex()).equals(party)) {
            throw new IllegalStateException("signer index of another party");
        }
        signature.verify(
                stmParameters(),
                party,
                closed.aggregateVerificationKey(),
                signedMessage.getBytes(StandardCharsets.US_ASCII));
        return new Accepted(partyId, signature);
    }

    static List<StmSingleSignature> signatures(List<Accepted> accepted) {
        List<StmSingleSignature> out = new ArrayList<>();
        accepted.forEach(a -> out.add(a.signature()));
        return out;
    }
}
