package io.mithrilj.aggregator.devnet;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;

/**
 * The two JSON bodies a mithril-signer POSTs, written as upstream's serde derive writes them (compact, fields in
 * declaration order): {@code RegisterSignerMessage} and {@code RegisterSignatureMessageHttp}
 * ({@code mithril-common/src/messages/{register_signer,register_signature}.rs}).
 */
public final class SignerMessages {
    private SignerMessages() {}

    /**
     * {@code {"epoch","party_id","verification_key","verification_key_signature","operational_certificate",
     * "kes_period"}}; a certified signer always sends the last three.
     *
     * @param epoch the registration (recording) epoch: the aggregator's epoch + 1
     * @param verificationKey json-hex of the STM verification key with its proof of possession
     * @param verificationKeySignature json-hex of the KES signature of the key's 192 bytes
     * @param operationalCertificate json-hex of the operational certificate
     * @param kesEvolutions evolutions of the KES key at signing time (the wire name is {@code kes_period})
     */
    public static String registerSigner(
            Epoch epoch,
            String partyId,
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            long kesEvolutions) {
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeFieldName("epoch");
            writeU64(g, epoch.value());
            g.writeStringField("party_id", partyId);
            g.writeStringField("verification_key", verificationKey);
            g.writeStringField("verification_key_signature", verificationKeySignature);
            g.writeStringField("operational_certificate", operationalCertificate);
            g.writeFieldName("kes_period");
            writeU64(g, kesEvolutions);
            g.writeEndObject();
        });
    }

    /**
     * {@code {"entity_type","party_id","signature","indexes","signed_message"}}.
     *
     * @param signature json-hex of the STM single signature
     * @param wonIndexes the lottery indexes the signature won
     * @param signedMessage the protocol message's hash (hex), what was signed
     */
    public static String registerSignature(
            SignedEntityType signedEntityType,
            String partyId,
            String signature,
            long[] wonIndexes,
            String signedMessage) {
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeFieldName("entity_type");
            CertificateJson.writeSignedEntityType(g, signedEntityType);
            g.writeStringField("party_id", partyId);
            g.writeStringField("signature", signature);
            g.writeArrayFieldStart("indexes");
            for (long index : wonIndexes) {
                writeU64(g, index);
            }
            g.writeEndArray();
            g.writeStringField("signed_message", signedMessage);
            g.writeEndObject();
        });
    }

    private static void writeU64(JsonGenerator g, long value) throws java.io.IOException {
        g.writeNumber(Long.toUnsignedString(value));
    }
}
