package io.mithrilj.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table documents every setting the service reads. */
class ReadmeTest {

    @Test
    void everySettingIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Settings.ALL) {
            assertThat(readme).as(s.env()).contains("| `" + s.env() + "` |");
        }
    }
}
