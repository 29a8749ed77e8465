package io.mithrilj.aggregator.persistence;

import java.util.Objects;

/**
 * A large piece of an artifact stored on its own, before its artifact: a MithrilStakeDistribution's signers (~9 MB
 * of JSON on mainnet), known as soon as the epoch's open message exists, so that the cycle that finds the quorum
 * does not write them. The artifact's stored text holds {@link #MARKER} where the piece goes; reads put it back.
 *
 * @param id      the part's key (the artifact's own hash: its content is fixed by it)
 * @param epoch   the epoch it belongs to (unreferenced parts of past epochs are pruned)
 * @param content the JSON value, or {@code null} when the part is known to be stored already
 */
public record ArtifactPart(String id, long epoch, String content) {
    /**
     * The stored artifact's placeholder: a JSON string no artifact holds (a NUL character), written raw where the
     * part's JSON value goes.
     */
    public static final String MARKER = "\"\\u0000artifact_part\"";

    public ArtifactPart {
        Objects.requireNonNull(id, "id");
    }

    /** The reference alone, for a part already stored. */
    public ArtifactPart stored() {
        return content == null ? this : new ArtifactPart(id, epoch, null);
    }
}
