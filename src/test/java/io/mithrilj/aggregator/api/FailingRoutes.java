package io.mithrilj.aggregator.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.net.ServerSocket;

/** Test-only routes that fail the way a broken runtime does: a database not reachable, a null pointer. */
@Path("/test-only/failures")
public class FailingRoutes {

    private final Vertx vertx;

    FailingRoutes(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A query on a PostgreSQL address where nothing listens (the failure names host and port). */
    @GET
    @Path("/database")
    public Uni<String> database() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PgPool pool = PgPool.pool(
                vertx,
                new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(closed)
                        .setDatabase("postgres")
                        .setUser("secret-user")
                        .setPassword("secret-password"),
                new PoolOptions().setMaxSize(1));
        return pool.query("select 1").execute().map(rows -> "unreachable").eventually(pool::close);
    }

    @GET
    @Path("/npe")
    public String nullPointer(@QueryParam("missing") String missing) {
        return missing.trim();
    }
}
