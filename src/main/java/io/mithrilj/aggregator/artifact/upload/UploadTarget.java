package io.mithrilj.aggregator.artifact.upload;

/**
 * The four parts of the snapshot artifacts an uploader publishes (upstream's four uploader builders), each with its
 * Cloud Storage folder, its directory under the snapshot directory, its URL prefix under the server URL and whether
 * an already published object may be replaced.
 */
public enum UploadTarget {
    /** The legacy full archive and its ancillary archive (CardanoImmutableFilesFull). */
    IMMUTABLE_FILES_FULL("cardano-immutable-files-full", "cardano-immutable-files-full", "snapshot_download/", true),
    /** The ancillary archive of a Cardano database snapshot. */
    CDB_ANCILLARY(
            "cardano-database/ancillary", "cardano-database/ancillary", "cardano-database-download/ancillary/", true),
    /** The per-immutable-file archives, written once and shared by every Cardano database snapshot. */
    CDB_IMMUTABLE(
            "cardano-database/immutable", "cardano-database/immutable", "cardano-database-download/immutable/", false),
    /** The digests file and its archive. */
    CDB_DIGESTS("cardano-database/digests", "cardano-database/digests", "cardano-database-download/digests/", false);

    private final String cloudFolder;
    private final String localDirectory;
    private final String urlPrefix;
    private final boolean overwriteAllowed;

    UploadTarget(String cloudFolder, String localDirectory, String urlPrefix, boolean overwriteAllowed) {
        this.cloudFolder = cloudFolder;
        this.localDirectory = localDirectory;
        this.urlPrefix = urlPrefix;
        this.overwriteAllowed = overwriteAllowed;
    }

    /** Folder of the objects in the bucket: the object name is {@code <folder>/<file name>}. */
    public String cloudFolder() {
        return cloudFolder;
    }

    /** Directory, relative to the snapshot directory, where the local uploader publishes (or finds) the files. */
    public String localDirectory() {
        return localDirectory;
    }

    /** Prefix of the download URL, relative to the server URL (ends with {@code /}). */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** False: an object already in the bucket is kept and its URI returned without upload. */
    public boolean overwriteAllowed() {
        return overwriteAllowed;
    }

    /**
     * True when the local uploader copies the file into {@link #localDirectory()}; the immutable archives are built
     * there already and are not copied.
     */
    public boolean copiedLocally() {
        return this != CDB_IMMUTABLE;
    }
}
