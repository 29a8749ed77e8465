package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;

/**
 * Genesis certificates (certificates.md §5, upstream {@code CertificateGenesisProducer}): the genesis
 * protocol message, the payload to sign (export), and the certificate built from an Ed25519
 * signature (import / bootstrap).
 */
public final class GenesisCertificateProducer {
    private GenesisCertificateProducer() {}

    /** Exactly the three seed parts: next AVK (JSON-hex), next parameters hash, current epoch. */
    public static ProtocolMessage protocolMessage(
            Epoch genesisEpoch, String genesisAvkJsonHex, ProtocolParameters genesisParameters) {
        EnumMap<ProtocolMessagePartKey, String> parts = new EnumMap<>(ProtocolMessagePartKey.class);
        parts.put(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, genesisAvkJsonHex);
        parts.put(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, genesisParameters.computeHash());
        parts.put(ProtocolMessagePartKey.CURRENT_EPOCH, genesisEpoch.toString());
        return ProtocolMessage.of(parts);
    }

    /** The bytes signed by the genesis key (and written by {@code genesis export}): the 64 ASCII hex chars of the message hash. */
    public static byte[] payloadToSign(ProtocolMessage genesisMessage) {
        return genesisMessage.computeHash().getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] payloadToSign(
            Epoch genesisEpoch, String genesisAvkJsonHex, ProtocolParameters genesisParameters) {
        return payloadToSign(protocolMessage(genesisEpoch, genesisAvkJsonHex, genesisParameters));
    }

    /**
     * Builds the genesis certificate: previous hash {@code ""}, version {@code 0.1.0}, no signers,
     * AVK = the next-AVK part, hash computed.
     */
    public static Certificate createCertificate(
            String network,
            Epoch genesisEpoch,
            String genesisAvkJsonHex,
            ProtocolParameters genesisParameters,
            Instant initiatedAt,
            Instant sealedAt,
            Ed25519Signature signature) {
        ProtocolMessage message = protocolMessage(genesisEpoch, genesisAvkJsonHex, genesisParameters);
        CertificateMetadata metadata = new CertificateMetadata(
                network, CertificateMetadata.PROTOCOL_VERSION, genesisParameters, initiatedAt, sealedAt, List.of());
        Certificate unhashed = new Certificate(
                "",
                "",
                genesisEpoch,
                metadata,
                message,
                message.computeHash(),
                genesisAvkJsonHex,
                new CertificateSignature.Genesis(signature.toBytesHex()));
        return unhashed.withComputedHash();
    }

    /** Signs and builds in one step ({@code genesis bootstrap}); timestamps are {@code now}. */
    public static Certificate bootstrap(
            String network,
            Epoch genesisEpoch,
            String genesisAvkJsonHex,
            ProtocolParameters genesisParameters,
            Ed25519SigningKey genesisKey) {
        Ed25519Signature signature = genesisKey.sign(payloadToSign(genesisEpoch, genesisAvkJsonHex, genesisParameters));
        Instant initiatedAt = Instant.now();
        Instant sealedAt = Instant.now();
        return createCertificate(
                network, genesisEpoch, genesisAvkJsonHex, genesisParameters, initiatedAt, sealedAt, signature);
    }
}
