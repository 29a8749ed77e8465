package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.config.BuildInfo;
import io.mithrilj.aggregator.config.ProcessRole;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Records each start of {@code serve} in {@code service_start}, and says how many starts the store has seen. */
@Singleton
public class ServiceStartRecorder {

    private static final Logger LOG = Logger.getLogger(ServiceStartRecorder.class);

    private final Pool pool;
    private final ProcessRole role;

    ServiceStartRecorder(Pool pool, ProcessRole role) {
        this.pool = pool;
        this.role = role;
    }

    void onStart(@Observes StartupEvent event) {
        if (!role.serves()) return;
        // recorded in the background: nothing waits for it
        pool.preparedQuery("insert into service_start (version, pid) values ($1, $2)")
                .execute(Tuple.of(BuildInfo.version(), ProcessHandle.current().pid()))
                .chain(() -> pool.query("select count(*) from service_start").execute())
                .map(rows -> rows.iterator().next().getLong(0))
                .subscribe()
                .with(
                        starts -> LOG.infof("Service start number %d recorded in the stores", starts),
                        failure -> LOG.errorf("Service start not recorded in the stores: %s", failure.getMessage()));
    }
}
