package io.mithrilj.aggregator.cardano.era;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.util.List;

/**
 * {@code ERA_READER_ADAPTER_TYPE=cardano-chain} (upstream {@code CardanoChainAdapter}): the markers of the first
 * datum at the era address whose payload parses and whose Ed25519 signature verifies with the configured key;
 * unparsable, unsigned or badly signed datums are skipped; none valid gives no markers.
 */
public final class EraReaderCardanoChainAdapter implements EraReaderAdapter {

    private final String address;
    private final ChainObserver chainObserver;
    private final Ed25519VerificationKey verificationKey;

    public EraReaderCardanoChainAdapter(
            String address, ChainObserver chainObserver, Ed25519VerificationKey verificationKey) {
        this.address = address;
        this.chainObserver = chainObserver;
        this.verificationKey = verificationKey;
    }

    @Override
    public List<EraMarker> readMarkers() {
        for (String datum : chainObserver.currentDatums(address)) {
            EraMarkersPayload payload;
            try {
                payload = EraMarkersPayload.fromJsonHex(TxDatum.bytesFields(datum));
            } catch (IllegalArgumentException notAPayload) {
                continue; // upstream skips datums that do not parse
            }
            try {
                payload.verify(verificationKey);
                return payload.markers();
            } catch (IllegalStateException badOrMissingSignature) {
                // upstream keeps only verified payloads
            }
        }
        return List.of();
    }
}
