-- Main aggregator tables, shaped after upstream's SQLite schema (mithril-aggregator 0.8.14, migrations 29-38),
-- adapted to PostgreSQL. Messages served by the API are stored as the exact (compacted) JSON text of the
-- upstream message in text columns: jsonb would reorder keys and normalise numbers.

create table signed_entity_type (
    signed_entity_type_id integer primary key,
    name text not null unique
);
insert into signed_entity_type (signed_entity_type_id, name) values
    (0, 'Mithril Stake Distribution'),
    (1, 'Cardano Stake Distribution'),
    (2, 'Full Cardano Immutable Files'),
    (3, 'Cardano Transactions'),
    (4, 'Cardano Database'),
    (5, 'Cardano Blocks Transactions');

-- Upstream orders "latest" queries by SQLite ROWID, i.e. insertion order, and "insert or replace" moves a
-- replaced row to the newest position: one shared sequence, refreshed on every insert or replace.
create sequence insertion_sequence;

create table certificate (
    certificate_id text primary key,
    parent_certificate_id text,                 -- null for a genesis certificate
    epoch bigint not null,
    signed_entity_type_id integer not null references signed_entity_type (signed_entity_type_id),
    signed_entity_beacon text not null,         -- beacon JSON as in the signed entity type
    is_genesis boolean not null,
    sealed_at text not null,                    -- RFC 3339 as in the message (nanoseconds kept)
    sealed_at_nanos bigint not null,            -- the same instant, nanoseconds since the Unix epoch
    insertion_seq bigint not null default nextval('insertion_sequence'),
    message text not null,                      -- CertificateMessage JSON, compact, key order as upstream
    list_item text not null                     -- CertificateListItemMessage JSON derived from message
);
create index certificate_insertion_idx on certificate (insertion_seq desc);
create index certificate_genesis_idx on certificate (is_genesis, insertion_seq desc);
create index certificate_epoch_idx on certificate (epoch);

create table signed_entity (
    signed_entity_id text primary key,
    signed_entity_type_id integer not null references signed_entity_type (signed_entity_type_id),
    certificate_id text not null,
    beacon text not null,                       -- bare epoch, or compact JSON object with sorted keys
    epoch bigint not null,                      -- epoch of the beacon
    created_at text not null,
    insertion_seq bigint not null default nextval('insertion_sequence'),
    artifact text not null,                     -- detail message JSON, compact, key order as upstream
    list_item text not null                     -- list item message JSON derived from artifact
);
create unique index signed_entity_type_beacon_idx on signed_entity (signed_entity_type_id, beacon);
create index signed_entity_type_insertion_idx on signed_entity (signed_entity_type_id, insertion_seq desc);
create index signed_entity_type_epoch_idx on signed_entity (signed_entity_type_id, epoch, insertion_seq desc);
create index signed_entity_certificate_idx on signed_entity (certificate_id);

create table epoch_setting (
    epoch_setting_id bigint primary key,
    protocol_parameters text not null,          -- {"k":..,"m":..,"phi_f":..}
    cardano_transactions_signing_config text    -- {"security_parameter":..,"step":..} or null
);

create table signer (
    signer_id text primary key,
    pool_ticker text,
    created_at text not null,
    updated_at text not null,
    last_registered_at text
);

create table signer_registration (
    signer_id text not null references signer (signer_id),
    epoch_setting_id bigint not null,
    verification_key text not null,
    verification_key_signature text,
    operational_certificate text,
    kes_period bigint,
    stake numeric(20, 0),                        -- u64
    created_at text not null,
    insertion_seq bigint not null default nextval('insertion_sequence'),
    primary key (epoch_setting_id, signer_id)
);

create table stake_pool (
    stake_pool_id text not null,
    epoch bigint not null,
    stake numeric(20, 0) not null,
    created_at text not null,
    primary key (epoch, stake_pool_id)
);

create table immutable_file_digest (
    immutable_file_name text primary key,
    digest text not null
);

-- Used by the certifier (not by the API yet).
create table open_message (
    open_message_id uuid primary key,
    epoch_setting_id bigint not null,
    beacon text not null,
    signed_entity_type_id integer not null references signed_entity_type (signed_entity_type_id),
    protocol_message text not null,
    is_certified boolean not null default false,
    is_expired boolean not null default false,
    created_at text not null,
    expires_at text,
    unique (signed_entity_type_id, beacon)
);

create table single_signature (
    open_message_id uuid not null references open_message (open_message_id) on delete cascade,
    signer_id text not null,
    registration_epoch_setting_id bigint not null,
    lottery_indexes text not null,
    signature text not null,
    created_at text not null,
    primary key (open_message_id, signer_id, registration_epoch_setting_id),
    foreign key (registration_epoch_setting_id, signer_id) references signer_registration (epoch_setting_id, signer_id)
);

create table buffered_single_signature (
    signed_entity_type_id integer not null references signed_entity_type (signed_entity_type_id),
    party_id text not null,
    lottery_indexes text not null,
    signature text not null,
    created_at text not null,
    primary key (signed_entity_type_id, party_id)
);
