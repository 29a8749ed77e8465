-- One row per start of the service: when, which version, which process.
create table service_start (
    service_start_id bigserial primary key,
    started_at timestamptz not null default now(),
    version text not null,
    pid bigint not null
);
