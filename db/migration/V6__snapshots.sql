-- Snapshot policies of a profile: each label is its own schedule and its own retention.
create table snapshot_policy (
    id          bigserial    primary key,
    profile_id  bigint       not null references profile (id) on delete cascade,
    label       varchar(22)  not null,
    cron        varchar(120) not null,
    time_zone   varchar(64)  not null,
    keep        integer      not null check (keep between 1 and 500),
    ram_state   boolean      not null,
    run_when    varchar(20)  not null check (run_when in ('ALWAYS', 'ONLY_WHEN_RUNNING')),
    enabled     boolean      not null,
    updated_at  timestamptz  not null,
    unique (profile_id, label)
);

-- Every run, scheduled or manual, with how it ended. The unique key makes a scheduled time run
-- once even when two replicas fire it.
create table snapshot_run (
    id             uuid         primary key,
    profile        varchar(63)  not null,
    policy_id      bigint       references snapshot_policy (id) on delete set null,
    label          varchar(22),
    trigger        varchar(16)  not null check (trigger in ('SCHEDULED', 'MANUAL')),
    scheduled_for  timestamptz,
    snapshot_name  varchar(40)  not null,
    ram_state      boolean      not null,
    state          varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'SKIPPED', 'FAILED')),
    reason         varchar(2000),
    pruned         varchar(4000) not null default '',
    operation_id   uuid,
    attempts       integer      not null default 0,
    actor          varchar(128) not null,
    created_at     timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    duration_ms    bigint,
    unique (policy_id, scheduled_for)
);
create index snapshot_run_profile on snapshot_run (profile, created_at desc);
create index snapshot_run_created on snapshot_run (created_at desc);

-- Leases on a node's snapshot slots: how many snapshots run on one node at once, across replicas.
-- A lease runs out by itself when its replica dies.
create table snapshot_node_slot (
    cluster       varchar(63)  not null,
    node          varchar(63)  not null,
    slot          integer      not null,
    holder        uuid,
    leased_until  timestamptz,
    primary key (cluster, node, slot)
);
