package io.mithrilj.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Upstream's {@code extract_digest_from_path} cases: the second part of the stem, all hexadecimal. */
class DownloadDigestTest {
    private static final String DIGEST = "41e27b9ed5a32531b95b2b7ff3c0757591a06a337efaf19a524a998e348028e7";

    @Test
    void theSecondPartOfTheStemWhenHexadecimal() {
        assertThat(DownloadResource.digestOf("testnet." + DIGEST + ".tar.gz")).contains(DIGEST);
        assertThat(DownloadResource.digestOf("devnet-e18-i4." + DIGEST + ".tar.zst"))
                .contains(DIGEST);
        // a single extension: the stem keeps the name before it
        assertThat(DownloadResource.digestOf("testnet." + DIGEST + ".zip")).contains(DIGEST);
    }

    @Test
    void otherwiseNoDigest() {
        assertThat(DownloadResource.digestOf(DIGEST + ".zip")).isEmpty(); // no second part
        assertThat(DownloadResource.digestOf(DIGEST + ".tar.gz")).isEmpty(); // "tar" is not hexadecimal
        assertThat(DownloadResource.digestOf("testnet.not_hexadecimal.tar.gz")).isEmpty();
        assertThat(DownloadResource.digestOf("testnet." + DIGEST)).isEmpty(); // the digest is the extension
        assertThat(DownloadResource.digestOf("testnet.ａｂ.tar.gz")).isEmpty(); // full-width letters are not hex
    }
}
