package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.cli.QuarkusLauncher;
import io.mithrilj.aggregator.cli.VersionProvider;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Records each start of {@code serve} in {@code service_start}, and says how many starts the store has seen. */
@Singleton
public class ServiceStartRecorder {

    private static final Logger LOG = Logger.getLogger(ServiceStartRecorder.class);

    private final Pool pool;

    ServiceStartRecorder(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        if (!System.getProperty(QuarkusLauncher.COMMAND_PROPERTY, "serve").equals("serve")) return;
        // recorded in the background: nothing waits for it
        pool.preparedQuery("insert into service_start (version, pid) values ($1, $2)")
                .execute(Tuple.of(
                        VersionProvider.version(), ProcessHandle.current().pid()))
                .chain(() -> pool.query("select count(*) from service_start").execute())
                .map(rows -> rows.iterator().next().getLong(0))
                .subscribe()
                .with(
                        starts -> LOG.infof("Service start number %d recorded in the stores", starts),
                        failure -> LOG.errorf("Service start not recorded in the stores: %s", failure.getMessage()));
    }

    /** Number of recorded starts. */
    public long starts() {
        return pool.query("select count(*) from service_start")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
