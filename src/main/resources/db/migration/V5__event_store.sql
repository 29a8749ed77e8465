-- Upstream's event store (its monitoring.sqlite3 `event` table): usage reports of the metrics, one row per metric
-- series whose value changed during a report period (runtime.UsageReporter).
create table event (
    event_id bigserial primary key,
    created_at text not null,   -- RFC 3339
    source text not null,       -- e.g. Metrics
    action text not null,       -- e.g. the metric name
    content text not null       -- JSON
);
create index event_created_idx on event (created_at);
