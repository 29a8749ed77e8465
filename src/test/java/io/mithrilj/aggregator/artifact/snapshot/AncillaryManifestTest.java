package io.mithrilj.aggregator.artifact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ancillary manifest against upstream's vectors (artifacts.md §6.4, §8.5). */
class AncillaryManifestTest {
    private static final HexFormat HEX = HexFormat.of();
    // artifacts.md §6.4: the e2e key's signature of manifest_hash({file1:hash1,file2:hash2})
    static final String FILE1_FILE2_SIGNATURE =
            "352c03ee5f23e3d89d77d965e2ce512c5db30e5c4b239fd751218c58e7e344ce9a7315f2d873302c0522348c7403814fa087aad52919470b4f747f9206782a08";

    @Test
    void hashIsUpstreamsVectorWhateverTheInsertionOrder() {
        String expected = "7b9692db6c1775d208037ed3445da9c8b173a9db5702ee34d125d6cf15bcf67f";
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("file2", "hash2");
        reversed.put("file1", "hash1");

        assertThat(HEX.formatHex(AncillaryManifest.of(Map.of("file1", "hash1", "file2", "hash2"))
                        .hash()))
                .isEqualTo(expected);
        assertThat(HEX.formatHex(AncillaryManifest.of(reversed).hash())).isEqualTo(expected);
        assertThat(HEX.formatHex(AncillaryManifest.of(Map.of("file1", "hash1", "file3", "hash3"))
                        .hash()))
                .isNotEqualTo(expected);
        assertThat(HEX.formatHex(AncillaryManifest.of(Map.of("file1", "hash1")).hash()))
                .isNotEqualTo(expected);
    }

    @Test
    void anEmptyManifestHashesToTheHashOfNothing() throws Exception {
        assertThat(AncillaryManifest.of(Map.of()).hash())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
    }

    @Test
    void signedJsonIsUpstreamsCompactSerialization() {
        AncillaryManifest manifest = AncillaryManifest.of(Map.of("file2", "hash2", "file1", "hash1"));

        assertThat(manifest.toSignedJson(HEX.parseHex(FILE1_FILE2_SIGNATURE)))
                .isEqualTo("{\"data\":{\"file1\":\"hash1\",\"file2\":\"hash2\"},\"signature\":\""
                        + FILE1_FILE2_SIGNATURE + "\"}");
    }

    @Test
    void pathsAreOrderedComponentByComponentAsRustPathBufs() {
        // as strings "ledger/12.5" < "ledger/12/meta" ('.' < '/'); as paths the component "12" comes first
        AncillaryManifest manifest = AncillaryManifest.of(Map.of(
                "ledger/12.5", "a",
                "ledger/12/tables/tvar", "b",
                "ledger/12/meta", "c",
                "immutable/00004.secondary", "d",
                "immutable/00004.chunk", "e",
                "ancillary", "f"));

        assertThat(manifest.data().keySet())
                .containsExactly(
                        "ancillary",
                        "immutable/00004.chunk",
                        "immutable/00004.secondary",
                        "ledger/12/meta",
                        "ledger/12/tables/tvar",
                        "ledger/12.5");
        MessageDigest expected = AncillaryManifest.sha256();
        manifest.data().forEach((path, digest) -> expected.update((path + digest).getBytes(StandardCharsets.UTF_8)));
        assertThat(manifest.hash()).isEqualTo(expected.digest());
    }

    @Test
    void stringsAreEscapedAsSerdeJsonDoes() {
        AncillaryManifest manifest = AncillaryManifest.of(Map.of("a\"b\\c\u0001\n\u007f", "é"));

        assertThat(manifest.toSignedJson(new byte[] {1, (byte) 0xff}))
                .isEqualTo("{\"data\":{\"a\\\"b\\\\c\\u0001\\n\u007f\":\"é\"},\"signature\":\"01ff\"}");
    }

    @Test
    void pathsThatAreNotNormalizedRelativePathsAreRejected() {
        for (String path : new String[] {"", "/abs", "a//b", "a/./b", "../up", "dir/"}) {
            assertThatThrownBy(() -> AncillaryManifest.of(Map.of(path, "x")))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + path + "'");
        }
    }
}
