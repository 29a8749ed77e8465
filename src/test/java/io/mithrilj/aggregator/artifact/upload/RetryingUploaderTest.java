package io.mithrilj.aggregator.artifact.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingUploaderTest {

    /** Fails the first {@code failures} calls, then answers a URI naming the file. */
    static final class FlakyUploader implements FileUploader {
        int failures;
        final List<Path> calls = new ArrayList<>();

        FlakyUploader(int failures) {
            this.failures = failures;
        }

        @Override
        public String upload(Path file, UploadTarget target) throws UploadException {
            calls.add(file);
            if (failures-- > 0) throw new UploadException("boom " + calls.size());
            return "https://host/" + target.cloudFolder() + "/" + file.getFileName();
        }
    }

    @Test
    void upstreamsPolicyIsThreeAttemptsFiveSecondsApart() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).hasMessageContaining("at least 1");
    }

    @Test
    void retriesUntilSuccessWithinTheAttempts() throws Exception {
        FlakyUploader flaky = new FlakyUploader(2);
        List<Duration> sleeps = new ArrayList<>();
        String uri = new RetryingUploader(flaky, RetryPolicy.DEFAULT, sleeps::add)
                .upload(Path.of("a.tar.zst"), UploadTarget.CDB_ANCILLARY);
        assertThat(uri).isEqualTo("https://host/cardano-database/ancillary/a.tar.zst");
        assertThat(flaky.calls).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void givesUpAfterTheLastAttemptWithUpstreamsMessage() {
        FlakyUploader flaky = new FlakyUploader(10);
        List<Duration> sleeps = new ArrayList<>();
        assertThatThrownBy(() -> new RetryingUploader(flaky, RetryPolicy.DEFAULT, sleeps::add)
                        .upload(Path.of("/tmp/a.tar.zst"), UploadTarget.CDB_ANCILLARY))
                .isInstanceOf(UploadException.class)
                .hasMessage("Upload failed after 3 attempts. Uploaded file path: /tmp/a.tar.zst: boom 3");
        assertThat(flaky.calls).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void immutablesAreRetriedOneArchiveAtATime() throws Exception {
        FlakyUploader flaky = new FlakyUploader(1);
        List<Duration> sleeps = new ArrayList<>();
        String template = new RetryingUploader(flaky, new RetryPolicy(2, Duration.ofMillis(7)), sleeps::add)
                .uploadImmutables(List.of(Path.of("00001.tar.zst"), Path.of("00002.tar.zst")));
        assertThat(template).isEqualTo("https://host/cardano-database/immutable/{immutable_file_number}.tar.zst");
        assertThat(flaky.calls)
                .containsExactly(Path.of("00001.tar.zst"), Path.of("00001.tar.zst"), Path.of("00002.tar.zst"));
        assertThat(sleeps).containsExactly(Duration.ofMillis(7));
    }

    @Test
    void theTemplateReplacesTheLastRunOfFiveDigits() throws Exception {
        // greedy: the last five digits of the URI, not the first run
        assertThat(FileUploader.immutablesTemplate(List.of("https://h/b-12345/x/00042.tar.zst")))
                .isEqualTo("https://h/b-12345/x/{immutable_file_number}.tar.zst");
        // six digits: the last five of them
        assertThat(FileUploader.immutablesTemplate(List.of("https://h/123456.tar.gz")))
                .isEqualTo("https://h/1{immutable_file_number}.tar.gz");
        // URIs without five digits are ignored
        assertThat(FileUploader.immutablesTemplate(List.of("https://h/a.tar.zst", "https://h/00001.tar.zst")))
                .isEqualTo("https://h/{immutable_file_number}.tar.zst");
        assertThatThrownBy(() ->
                        FileUploader.immutablesTemplate(List.of("https://h/00001.tar.zst", "https://g/00002.tar.zst")))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("several templates");
        assertThatThrownBy(() -> FileUploader.immutablesTemplate(List.of("https://h/a.tar.zst")))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("No template found");
        assertThatThrownBy(() -> new FlakyUploader(0).uploadImmutables(List.of()))
                .isInstanceOf(UploadException.class)
                .hasMessage("No immutable file archive to upload");
    }
}
