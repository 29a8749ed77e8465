package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rows of the {@code signed_entity_type} table (migration V2) are the discriminants' ids and names. */
class SignedEntityTypeRowsTest {

    @Test
    void theMigrationsRowsAreTheDiscriminants() throws IOException {
        String sql;
        try (InputStream in =
                getClass().getResourceAsStream("/" + DatabaseMigrations.LOCATION + "/V2__aggregator_main_tables.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String insert = sql.substring(
                sql.indexOf("insert into signed_entity_type"),
                sql.indexOf(';', sql.indexOf("insert into signed_entity_type")));
        Map<Integer, String> rows = new TreeMap<>();
        Matcher row = Pattern.compile("\\((\\d+), '([^']*)'\\)").matcher(insert);
        while (row.find()) rows.put(Integer.parseInt(row.group(1)), row.group(2));

        Map<Integer, String> expected = new TreeMap<>();
        Arrays.stream(SignedEntityTypeDiscriminant.values()).forEach(d -> expected.put(d.id(), d.databaseName()));
        assertThat(rows).isEqualTo(expected);
    }
}
