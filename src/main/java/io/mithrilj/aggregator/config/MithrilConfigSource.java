package io.mithrilj.aggregator.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the operator settings to Quarkus: each setting under {@code mithril.<key>} (read through
 * {@link AggregatorConfig}), and the Quarkus properties they drive (HTTP host/port, the external
 * datasource of {@code DATABASE_URL}). System properties (ordinal 400) still win, which is how the
 * launcher points Quarkus at the embedded PostgreSQL and how tests override.
 */
public class MithrilConfigSource implements ConfigSource {

    /** Derived, not an operator setting: see {@link AggregatorConfig#dbDirectorySet()}. */
    static final String DB_DIRECTORY_SET = "mithril.db-directory-set";

    private final Map<String, String> properties;

    public MithrilConfigSource() {
        this(Launch.settingsOfProcess());
    }

    MithrilConfigSource(ResolvedSettings settings) {
        Map<String, String> p = new HashMap<>();
        settings.values()
                .forEach((key, value) ->
                        p.put(value.setting().property(), value.text().trim()));
        // the devnet keeps its database under the stores unless the operator chose DB_DIRECTORY (NodeDatabaseDirectory)
        ResolvedSettings.Value db = settings.values().get("db_directory");
        p.put(DB_DIRECTORY_SET, Boolean.toString(db != null && db.origin() != ResolvedSettings.Origin.DEFAULT));
        settings.get("server_port").ifPresent(v -> p.put("quarkus.http.port", v.trim()));
        settings.get("server_ip").ifPresent(v -> p.put("quarkus.http.host", v.trim()));
        settings.get("database_url").ifPresent(v -> {
            try {
                DatabaseUrl url = DatabaseUrl.parse(v);
                p.put("quarkus.datasource.reactive.url", url.reactiveUrl());
                p.put("quarkus.datasource.username", url.user());
                p.put("quarkus.datasource.password", url.password());
            } catch (IllegalArgumentException ignored) {
                // reported by the launcher's validation before start-up
            }
        });
        this.properties = Map.copyOf(p);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "mithril-settings";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
