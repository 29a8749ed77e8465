package io.mithrilj.aggregator.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Change generation of the served message tables ({@code certificate}, {@code signed_entity}), for read
 * caches ({@link ReadCache}): bumped by this process's own writes and by PostgreSQL notifications of any
 * process's writes (trigger of migration V3, LISTEN on a dedicated connection).
 *
 * <p>Caching is allowed ({@link #live()}) only while that connection is known to be listening. Its loss
 * (closed, killed backend, heartbeat unanswered, TCP keepalive) turns caching off and bumps the generation at
 * once; so does a failed connect. Connecting is retried for the life of the process with a capped backoff,
 * and every successful LISTEN bumps the generation again before caching resumes.
 */
@ApplicationScoped
public class StoreChanges {

    static final String CHANNEL = "mithril_store_changed";
    /** The {@code application_name} of the LISTEN connection (visible in {@code pg_stat_activity}). */
    static final String APPLICATION_NAME = "mithril-aggregator-store-changes";

    private static final Logger LOG = Logger.getLogger(StoreChanges.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final long HEARTBEAT_MILLIS = 5_000;
    private static final long HEARTBEAT_TIMEOUT_MILLIS = 5_000;

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean live;
    private volatile boolean stopped;
    private final io.vertx.core.Vertx vertx;
    private final Optional<PgConnectOptions> options;
    /** The connection attempt whose callbacks still count; earlier attempts' late callbacks are ignored. */
    private final AtomicLong attempt = new AtomicLong();

    private volatile PgConnection connection;
    private volatile long heartbeatTimer = -1;
    private volatile long retryTimer = -1;
    private long retryMillis = FIRST_RETRY_MILLIS;

    @Inject
    StoreChanges(Vertx vertx) {
        this(
                vertx,
                value("quarkus.datasource.reactive.url"),
                value("quarkus.datasource.username"),
                value("quarkus.datasource.password"));
    }

    StoreChanges(Vertx vertx, Optional<String> url, Optional<String> user, Optional<String> password) {
        this.vertx = vertx == null ? null : vertx.getDelegate();
        this.options = url.map(u -> listenOptions(u, user, password));
    }

    /** For a repository used outside CDI (tools): no LISTEN, never live. */
    StoreChanges() {
        this(null, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }

    private static PgConnectOptions listenOptions(String url, Optional<String> user, Optional<String> password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        user.ifPresent(options::setUser);
        password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
        options.addProperty("application_name", APPLICATION_NAME);
        // a silently dropped peer is found by the heartbeat; keepalive also covers a connection between beats
        options.setConnectTimeout(5_000);
        options.setTcpKeepAlive(true)
                .setTcpKeepAliveIdleSeconds(10)
                .setTcpKeepAliveIntervalSeconds(5)
                .setTcpKeepAliveCount(3);
        return options;
    }

    void start(@Observes StartupEvent event) {
        if (vertx == null || options.isEmpty()) {
            LOG.warn("no reactive datasource URL: store change notifications off, read caches disabled");
            return;
        }
        connect();
    }

    private void connect() {
        if (stopped) return;
        long mine = attempt.incrementAndGet();
        PgConnection.connect(vertx, options.get())
                .compose(conn -> {
                    if (stopped || attempt.get() != mine) return conn.close().map((PgConnection) null);
                    connection = conn;
                    conn.notificationHandler(n -> {
                        if (CHANNEL.equals(n.getChannel())) generation.incrementAndGet();
                    });
                    conn.closeHandler(v -> lost(mine, "connection closed"));
                    conn.exceptionHandler(e -> LOG.debugf("store change connection error: %s", e.getMessage()));
                    return conn.query("LISTEN " + CHANNEL).execute().map(conn);
                })
                .onSuccess(conn -> {
                    if (conn == null || stopped || attempt.get() != mine) return;
                    generation.incrementAndGet(); // whatever happened while not listening is unknown
                    live = true;
                    retryMillis = FIRST_RETRY_MILLIS;
                    heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> heartbeat(mine, conn));
                    LOG.debug("store change notifications active");
                })
                .onFailure(failure -> lost(mine, failure.getMessage()));
    }

    /** A query answered proves the connection (and so the LISTEN) alive; no answer in time drops it. */
    private void heartbeat(long mine, PgConnection conn) {
        if (attempt.get() != mine) return;
        long timeout = vertx.setTimer(HEARTBEAT_TIMEOUT_MILLIS, id -> lost(mine, "heartbeat unanswered"));
        conn.query("select 1").execute().onComplete(result -> {
            vertx.cancelTimer(timeout);
            if (result.failed()) lost(mine, result.cause().getMessage());
        });
    }

    /** Caching off first, then a new generation; a retry is scheduled once per attempt. */
    private void lost(long mine, String reason) {
        if (!attempt.compareAndSet(mine, mine + 1)) return; // this attempt was already given up
        live = false;
        generation.incrementAndGet();
        cancel(heartbeatTimer);
        PgConnection conn = connection;
        connection = null;
        if (conn != null) conn.close();
        if (stopped) return;
        LOG.warnf("store change notifications down (%s): read caches off, retrying in %d ms", reason, retryMillis);
        long delay = retryMillis;
        retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        retryTimer = vertx.setTimer(delay, id -> connect());
    }

    private void cancel(long timer) {
        if (timer >= 0 && vertx != null) vertx.cancelTimer(timer);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        live = false;
        generation.incrementAndGet();
        attempt.incrementAndGet();
        cancel(retryTimer);
        cancel(heartbeatTimer);
        // closed and awaited here, before Vert.x stops its event loops: a close completing after them is
        // reported by Netty as an error at every stop
        PgConnection conn = connection;
        connection = null;
        if (conn != null) {
            try {
                conn.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("store change connection did not close cleanly: %s", e.getMessage());
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
