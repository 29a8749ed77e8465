package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The upstream 2603.1 fake-aggregator data as STM tests use it (files found by {@link UpstreamReference}). */
final class Fixtures {

    private Fixtures() {}

    static Object read(String file) {
        try {
            return Json.parse(Files.readAllBytes(UpstreamReference.fakeData(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StmException.SerializationError e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multi-signed certificate of the fixture. */
    record Cert(
            String hash, long epoch, String signedMessage, String avk, String multiSignature, StmParameters params) {
        byte[] message() {
            return signedMessage.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Cert> multiSignedCertificates() throws StmException.SerializationError {
        Map<String, Object> all = Json.object(read("certificates.json"), "certificates");
        List<Cert> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : all.entrySet()) {
            Map<String, Object> c = (Map<String, Object>) e.getValue();
            String ms = (String) c.get("multi_signature");
            if (ms == null || ms.isEmpty()) {
                continue;
            }
            Map<String, Object> meta = (Map<String, Object>) c.get("metadata");
            Map<String, Object> p = (Map<String, Object>) meta.get("parameters");
            StmParameters params =
                    new StmParameters(Json.u64(p.get("m"), "m"), Json.u64(p.get("k"), "k"), toDouble(p.get("phi_f")));
            out.add(new Cert(
                    e.getKey(),
                    Json.u64(c.get("epoch"), "epoch"),
                    (String) c.get("signed_message"),
                    (String) c.get("aggregate_verification_key"),
                    ms,
                    params));
        }
        return out;
    }

    static double toDouble(Object n) {
        return n instanceof BigDecimal d ? d.doubleValue() : ((Number) n).doubleValue();
    }

    static Cert cert(String hash) throws StmException.SerializationError {
        return multiSignedCertificates().stream()
                .filter(c -> c.hash().equals(hash))
                .findFirst()
                .orElseThrow();
    }

    /** One signer of a stake distribution or of the epoch settings. */
    record Signer(long epoch, String partyId, String verificationKey, long stake) {}

    @SuppressWarnings("unchecked")
    static List<Signer> stakeDistributionSigners() throws StmException.SerializationError {
        Map<String, Object> all = Json.object(read("mithril-stake-distributions.json"), "msd");
        List<Signer> out = new ArrayList<>();
        for (Object v : all.values()) {
            Map<String, Object> msd = (Map<String, Object>) v;
            long epoch = Json.u64(msd.get("epoch"), "epoch");
            for (Object s : (List<Object>) msd.get("signers")) {
                Map<String, Object> signer = (Map<String, Object>) s;
                out.add(new Signer(
                        epoch,
                        (String) signer.get("party_id"),
                        (String) signer.get("verification_key"),
                        Json.u64(signer.get("stake"), "stake")));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Signer> epochSettingsSigners() throws StmException.SerializationError {
        Map<String, Object> es = Json.object(read("epoch-settings.json"), "epoch settings");
        long epoch = Json.u64(es.get("epoch"), "epoch");
        List<Signer> out = new ArrayList<>();
        for (String key : List.of("current_signers", "next_signers")) {
            for (Object s : (List<Object>) es.get(key)) {
                Map<String, Object> signer = (Map<String, Object>) s;
                Object stake = signer.get("stake");
                out.add(new Signer(
                        epoch,
                        (String) signer.get("party_id"),
                        (String) signer.get("verification_key"),
                        stake == null ? 0 : Json.u64(stake, "stake")));
            }
        }
        return out;
    }
}
