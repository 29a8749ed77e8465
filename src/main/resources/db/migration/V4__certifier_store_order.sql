-- Upstream reads open messages, single signatures and buffered signatures in SQLite ROWID order, where an
-- "insert or replace" moves the row to the end: an insertion sequence reproduces that order here.
alter table open_message add column insertion_seq bigint not null default nextval('insertion_sequence');
alter table single_signature add column insertion_seq bigint not null default nextval('insertion_sequence');
alter table buffered_single_signature add column insertion_seq bigint not null default nextval('insertion_sequence');
create index open_message_epoch_idx on open_message (epoch_setting_id, insertion_seq);
