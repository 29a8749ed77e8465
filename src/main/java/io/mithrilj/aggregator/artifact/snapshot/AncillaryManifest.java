package io.mithrilj.aggregator.artifact.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest of the ancillary archive (upstream {@code AncillaryFilesManifest}, a {@code SignableManifest} keyed by
 * {@code PathBuf}): each archived file's relative path ({@code /} separators) mapped to the hex SHA-256 of its bytes,
 * ordered as Rust orders paths (component by component, each compared as bytes). Its {@link #hash()} is what the
 * ancillary signer signs; {@link #toSignedJson} is the {@code ancillary_manifest.json} written into the archive.
 */
public final class AncillaryManifest {
    /** The name of the manifest file at the root of the ancillary archive. */
    public static final String FILE_NAME = "ancillary_manifest.json";

    /** Rust's {@code Path} order on relative paths: component by component, each as unsigned bytes. */
    public static final Comparator<String> PATH_ORDER = AncillaryManifest::comparePaths;

    private final Map<String, String> data;

    private AncillaryManifest(Map<String, String> data) {
        this.data = data;
    }

    /**
     * The manifest of {@code data} (path to hex digest), whatever its iteration order.
     *
     * @throws IllegalArgumentException for a path that is not a normalized relative path, or a null digest
     */
    public static AncillaryManifest of(Map<String, String> data) {
        TreeMap<String, String> sorted = new TreeMap<>(PATH_ORDER);
        data.forEach((path, digest) -> {
            checkPath(path);
            if (digest == null) throw new IllegalArgumentException("ancillary manifest: no digest for '" + path + "'");
            sorted.put(path, digest);
        });
        return new AncillaryManifest(Collections.unmodifiableMap(sorted));
    }

    /** Path to hex digest, in manifest order. */
    public Map<String, String> data() {
        return data;
    }

    /** SHA-256 over the concatenation, in manifest order, of each path's bytes then its digest's bytes (32 bytes). */
    public byte[] hash() {
        MessageDigest sha256 = sha256();
        data.forEach((path, digest) -> {
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update(digest.getBytes(StandardCharsets.UTF_8));
        });
        return sha256.digest();
    }

    /** The compact JSON upstream writes: {@code {"data":{...},"signature":"<hex of the 64 bytes>"}}. */
    public String toSignedJson(byte[] signature) {
        StringBuilder json = new StringBuilder(64 + data.size() * 100).append("{\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (!first) json.append(',');
            first = false;
            JsonText.appendString(json, entry.getKey());
            json.append(':');
            JsonText.appendString(json, entry.getValue());
        }
        json.append("},\"signature\":");
        JsonText.appendString(json, HexFormat.of().formatHex(signature));
        return json.append('}').toString();
    }

    private static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("ancillary manifest: '" + path + "' is not a relative file path");
        }
        for (String component : path.split("/", -1)) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")) {
                throw new IllegalArgumentException("ancillary manifest: '" + path + "' is not a normalized path");
            }
        }
    }

    private static int comparePaths(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = Arrays.compareUnsigned(
                    left[i].getBytes(StandardCharsets.UTF_8), right[i].getBytes(StandardCharsets.UTF_8));
            if (c != 0) return c;
        }
        return Integer.compare(left.length, right.length);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AncillaryManifest other && data.equals(other.data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "AncillaryManifest" + data;
    }
}
