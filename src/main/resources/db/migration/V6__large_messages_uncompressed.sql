-- A mainnet MithrilStakeDistribution artifact is ~9 MB of JSON (3000 signers' keys): compressing it on write (pglz)
-- took most of a certificate's making time. Stored out of line, uncompressed; certificates likewise.
alter table signed_entity alter column artifact set storage external;
alter table certificate alter column message set storage external;
