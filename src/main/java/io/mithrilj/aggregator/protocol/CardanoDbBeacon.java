package io.mithrilj.aggregator.protocol;

import java.util.Comparator;

/** Beacon of the Cardano database signed entities: epoch and immutable file number (ordered by both). */
public record CardanoDbBeacon(Epoch epoch, long immutableFileNumber) implements Comparable<CardanoDbBeacon> {

    private static final Comparator<CardanoDbBeacon> ORDER = Comparator.comparing(CardanoDbBeacon::epoch)
            .thenComparing((a, b) -> Long.compareUnsigned(a.immutableFileNumber, b.immutableFileNumber));

    public CardanoDbBeacon {
        java.util.Objects.requireNonNull(epoch, "epoch");
    }

    public CardanoDbBeacon(long epoch, long immutableFileNumber) {
        this(new Epoch(epoch), immutableFileNumber);
    }

    @Override
    public int compareTo(CardanoDbBeacon o) {
        return ORDER.compare(this, o);
    }
}
