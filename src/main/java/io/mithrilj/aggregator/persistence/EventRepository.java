package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Table {@code event} (upstream's event store): what happened, for monitoring. */
@ApplicationScoped
public class EventRepository {

    /** One event; {@code content} is JSON text. */
    public record Event(String createdAt, String source, String action, String content) {}

    private final Pool pool;

    EventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores events in one statement. */
    public Uni<Void> saveAll(List<Event> events) {
        if (events.isEmpty()) return Uni.createFrom().voidItem();
        return pool.preparedQuery("insert into event (created_at, source, action, content) values ($1, $2, $3, $4)")
                .executeBatch(events.stream()
                        .map(e -> Tuple.of(e.createdAt(), e.source(), e.action(), e.content()))
                        .toList())
                .replaceWithVoid();
    }

    public Uni<Long> count(String source) {
        return pool.preparedQuery("select count(*) from event where source = $1")
                .execute(Tuple.of(source))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
