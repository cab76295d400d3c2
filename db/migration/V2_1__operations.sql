-- Operations: every action that takes time, with its steps, Proxmox task ids, state and error.
create table operation (
    id              uuid         primary key,
    kind            varchar(32)  not null,
    target          varchar(128) not null,
    params          text         not null default '{}',
    state           varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    actor_type      varchar(16)  not null,
    actor_name      varchar(128) not null,
    idempotency_key varchar(128),
    summary         text,
    error           text,
    attempts        integer      not null default 0,
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
-- one operation per VM at a time: the database refuses a second active one
create unique index operation_one_active_per_target on operation (target) where state in ('QUEUED', 'RUNNING');
create unique index operation_idempotency on operation (actor_name, idempotency_key) where idempotency_key is not null;
create index operation_target_created on operation (target, created_at desc);
create index operation_created on operation (created_at desc);

create table operation_step (
    operation_id uuid         not null references operation (id) on delete cascade,
    position     integer      not null,
    name         varchar(255) not null,
    state        varchar(16)  not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    upid         varchar(255),
    message      text,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    primary key (operation_id, position)
);
