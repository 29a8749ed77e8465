package io.mithrilj.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed secret setting is reported by variable and problem; no piece of its value is printed. */
class SecretSettingsTest {

    private static final String MARKER = "Zq7MARKERx9";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            GOOGLE_APPLICATION_CREDENTIALS_JSON|{"private_key": Zq7MARKERx9}|is not valid JSON (line 1, column
            GOOGLE_APPLICATION_CREDENTIALS_JSON|{"private_key": "Zq7MARKERx9"|is not valid JSON
            GOOGLE_APPLICATION_CREDENTIALS_JSON|["Zq7MARKERx9"]|is not a JSON object
            DATABASE_URL|mysql://user:Zq7MARKERx9@db/mithril|must start with postgresql://
            DATABASE_URL|postgresql://user:Zq7MARKERx9@/mithril|has no host
            DATABASE_URL|postgresql://user:Zq7MARKERx9 @db/mithril|is not a URL
            GENESIS_SECRET_KEY|Zq7MARKERx9|is not the hex of an Ed25519 secret key
            ANCILLARY_FILES_SIGNER_CONFIG|{"type":"secret-key","secret_key":"Zq7MARKERx9"}|needs "secret_key"
            ANCILLARY_FILES_SIGNER_CONFIG|{"type":"secret-key","secret_key":Zq7MARKERx9}|is not valid JSON (line 1, column
            ANCILLARY_FILES_SIGNER_CONFIG|{"type":"Zq7MARKERx9"}|needs "type"
            """)
    void aMalformedSecretIsNamedNotQuoted(String variable, String value, String problem) {
        List<String> problems = ResolvedSettings.resolve(Map.of(variable, value), dir.resolve("dev.json"), Map.of())
                .problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(variable).contains(problem).doesNotContain(MARKER);
    }

    @Test
    void aMalformedConfigurationFileIsNotQuoted() throws IOException {
        Path file = dir.resolve("dev.json");
        Files.writeString(file, "{\n  \"genesis_secret_key\": Zq7MARKERx9\n}\n");
        List<String> problems =
                ResolvedSettings.resolve(Map.of(), file, Map.of()).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .contains("configuration file", "is not valid JSON (line 2")
                .doesNotContain(MARKER);
    }
}
