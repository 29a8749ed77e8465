package io.mithrilj.aggregator.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.StakeDistributionParty;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateFactoryTest {

    @Test
    void everyStandardUpstreamCertificateIsRebuiltFromItsOwnFieldsWithTheSameHashAndJson() {
        JsonNode all = CertificateJson.parse(UpstreamReference.text("aggregator-fake-data/certificates.json"));
        int rebuilt = 0;
        for (JsonNode node : all) {
            Certificate upstream = CertificateJson.readCertificate(node.toString());
            if (!(upstream.signature() instanceof CertificateSignature.Multi multi)) {
                continue;
            }
            // a non-contributor among the current signers must be dropped, order kept
            List<StakeDistributionParty> current =
                    new ArrayList<>(upstream.metadata().signers());
            current.add(1 % (current.size() + 1), new StakeDistributionParty("pool1notasigner", 42));
            Set<String> contributors = new HashSet<>();
            upstream.metadata().signers().forEach(p -> contributors.add(p.partyId()));
            Certificate certificate = CertificateFactory.standardOfParties(
                    upstream.previousHash(),
                    upstream.epoch(),
                    upstream.metadata().network(),
                    upstream.metadata().protocolParameters(),
                    upstream.metadata().initiatedAt(),
                    upstream.metadata().sealedAt(),
                    current,
                    contributors,
                    upstream.protocolMessage(),
                    upstream.aggregateVerificationKey(),
                    multi.signedEntityType(),
                    multi.multiSignatureJsonHex());
            assertThat(certificate.hash())
                    .isEqualTo(upstream.hash())
                    .isEqualTo(node.get("hash").textValue());
            assertThat(certificate.signedMessage()).isEqualTo(upstream.signedMessage());
            assertThat(CertificateJson.writeCertificate(certificate))
                    .isEqualTo(CertificateJson.writeCertificate(upstream));
            rebuilt++;
        }
        assertThat(rebuilt).isGreaterThan(0);
    }
}
