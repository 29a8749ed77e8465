-- A mainnet MithrilStakeDistribution artifact is ~9 MB, almost all of it the epoch's signers, which are known when
-- the epoch's open message is made: they are written then, as an artifact part, and the certificate's transaction
-- stores the artifact with a reference to it (a marker in its text where the part goes). Writing 9 MB into
-- PostgreSQL takes ~200 ms of the machine; the cycle that finds the quorum no longer does it.
create table artifact_part (
    artifact_part_id text primary key,
    epoch bigint not null,
    content text not null
);
alter table artifact_part alter column content set storage external;
create index artifact_part_epoch_idx on artifact_part (epoch);
alter table signed_entity add column artifact_part_id text references artifact_part (artifact_part_id);
create index signed_entity_artifact_part_idx on signed_entity (artifact_part_id);
