-- A profile may leave its node open: Rigplane places its VM at each start, on one of its candidate
-- nodes (comma-separated; none: any node its GPU mapping reaches).
alter table profile alter column node drop not null;
alter table profile add column candidate_nodes varchar(4096);

-- GPU claims are per device (a PCI path on a node), not per mapping name: a mapping may list several
-- devices on a node and nodes of its own, and two mappings may name one device. Claims taken before
-- this change name no device; they stand for the mapping's first device on their node
-- ('mapping:<id>') until a claim for that device turns them into it.
alter table gpu_claim add column device varchar(255);
update gpu_claim set device = 'mapping:' || mapping;
alter table gpu_claim alter column device set not null;
alter table gpu_claim drop constraint gpu_claim_pkey;
alter table gpu_claim add primary key (cluster, node, device);
-- a replica of the version before (during a rolling upgrade) claims without a device: its claim stands
-- for the mapping's first device on the node, as it always meant
create function gpu_claim_legacy_device() returns trigger language plpgsql as $$
begin
    if new.device is null then
        new.device := 'mapping:' || new.mapping;
    end if;
    return new;
end $$;
create trigger gpu_claim_legacy_device before insert on gpu_claim
    for each row execute function gpu_claim_legacy_device();

-- How long each node took to wake last time: placement prefers the node that wakes fastest.
create table node_wake_time (
    cluster     varchar(63)  not null,
    node        varchar(63)  not null,
    sent_at     timestamptz,
    seconds     double precision,
    measured_at timestamptz,
    primary key (cluster, node)
);

-- Where a session's VM was placed and why ({node, reason, alternatives}), as its start decided.
alter table stream_session add column placement text;
