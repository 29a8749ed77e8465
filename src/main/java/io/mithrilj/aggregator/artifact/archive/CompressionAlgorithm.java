package io.mithrilj.aggregator.artifact.archive;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The archive compression (upstream {@code CompressionAlgorithm}): its configuration name and file extension. */
public enum CompressionAlgorithm {
    GZIP("gzip", "tar.gz"),
    ZSTANDARD("zstandard", "tar.zst");

    private final String configName;
    private final String tarFileExtension;

    CompressionAlgorithm(String configName, String tarFileExtension) {
        this.configName = configName;
        this.tarFileExtension = tarFileExtension;
    }

    /** The name used in {@code SNAPSHOT_COMPRESSION_ALGORITHM} and in the artifacts' JSON. */
    public String configName() {
        return configName;
    }

    /** The extension of a published archive, without the leading dot. */
    public String tarFileExtension() {
        return tarFileExtension;
    }

    /** The algorithm named {@code name} (as configured), or an error listing the accepted names. */
    public static CompressionAlgorithm fromConfigName(String name) {
        for (CompressionAlgorithm algorithm : values()) {
            if (algorithm.configName.equals(name)) return algorithm;
        }
        throw new IllegalArgumentException("unknown compression algorithm '" + name + "': expected one of "
                + Arrays.stream(values()).map(a -> a.configName).collect(Collectors.joining(", ")));
    }
}
