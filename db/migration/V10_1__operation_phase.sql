-- How far a running operation has got (io.rigplane.operation.OperationPhase), for those that follow
-- it, such as a session waiting for its VM's start. Null for operations that report no phase. No
-- check on the values: a new phase is a new enum constant, not a migration.
alter table operation add column phase varchar(32);
