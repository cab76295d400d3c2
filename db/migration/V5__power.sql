-- Power settings of a profile: null means the default (refuse, 180 s).
alter table profile add column gpu_policy varchar(16);
alter table profile add column shutdown_timeout_seconds integer;

-- Which profile holds a GPU (a PCI mapping on a node). The primary key makes a start claim it
-- atomically, so two starts of profiles sharing a GPU never both win, on any number of replicas.
create table gpu_claim (
    cluster     varchar(63)  not null,
    node        varchar(63)  not null,
    mapping     varchar(128) not null,
    profile     varchar(63)  not null,
    claimed_at  timestamptz  not null,
    primary key (cluster, node, mapping)
);
create index gpu_claim_profile on gpu_claim (profile);

-- How Rigplane itself wakes a node when no other node of its cluster is online.
create table node_wake (
    cluster     varchar(63)  not null,
    node        varchar(63)  not null,
    mac         varchar(17)  not null,
    broadcast   varchar(255) not null,
    port        integer      not null,
    updated_at  timestamptz  not null,
    primary key (cluster, node)
);
