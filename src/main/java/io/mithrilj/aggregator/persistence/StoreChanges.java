package io.mithrilj.aggregator.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Change generation of the served message tables ({@code certificate}, {@code signed_entity}), for read
 * caches: bumped by this process's own writes and by PostgreSQL notifications of any process's writes
 * (trigger of migration V3, LISTEN on a dedicated connection that reconnects). While the LISTEN connection
 * is down nothing may be cached ({@link #live()} is false), and every (re)connection bumps the generation.
 */
@ApplicationScoped
public class StoreChanges {

    static final String CHANNEL = "mithril_store_changed";
    private static final Logger LOG = Logger.getLogger(StoreChanges.class);

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean live;
    private final Vertx vertx;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    @Inject
    StoreChanges(Vertx vertx) {
        this(
                vertx,
                value("quarkus.datasource.reactive.url"),
                value("quarkus.datasource.username"),
                value("quarkus.datasource.password"));
    }

    private StoreChanges(Vertx vertx, Optional<String> url, Optional<String> user, Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }

    /** For a repository used outside CDI (tools): no LISTEN, never live. */
    StoreChanges() {
        this(null, Optional.empty(), Optional.empty(), Optional.empty());
    }

    void start(@Observes StartupEvent event) {
        if (vertx == null || url.isEmpty()) {
            LOG.warn("no reactive datasource URL: store change notifications off, read caches disabled");
            return;
        }
        String uri =
                url.get().startsWith("vertx-reactive:") ? url.get().substring("vertx-reactive:".length()) : url.get();
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        user.ifPresent(options::setUser);
        password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber
                .channel(CHANNEL)
                .subscribeHandler(() -> {
                    generation.incrementAndGet();
                    live = true;
                    LOG.debug("store change notifications active");
                })
                .handler(payload -> generation.incrementAndGet());
        subscriber.closeHandler(() -> {
            live = false;
            generation.incrementAndGet();
        });
        subscriber
                .connect()
                .subscribe()
                .with(
                        ok -> {},
                        failure -> LOG.warnf("store change notifications unavailable: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        live = false;
        // closed and awaited here, before Vert.x stops its event loops: a close completing after them is
        // reported by Netty as an error at every stop
        if (subscriber != null) {
            try {
                subscriber.close().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("store change subscriber did not close cleanly: %s", e.getMessage());
            }
        }
    }

    /** Current generation: any change to a served table since a read started makes its result uncacheable. */
    public long generation() {
        return generation.get();
    }

    /** Whether changes by other processes are being observed (caching allowed). */
    public boolean live() {
        return live;
    }

    /** A write by this process. */
    void changed() {
        generation.incrementAndGet();
    }
}
