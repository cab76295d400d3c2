-- Users of the dashboard and owners of API tokens.
create table app_user (
    id             bigserial primary key,
    username       varchar(64)  not null unique,
    password_hash  varchar(255) not null,
    role           varchar(16)  not null check (role in ('ADMIN', 'OPERATOR', 'VIEWER')),
    created_at     timestamptz  not null default now(),
    password_changed_at timestamptz not null default now()
);

-- Script tokens; only a SHA-256 of the token is kept.
create table api_token (
    id           bigserial primary key,
    name         varchar(64)  not null,
    token_hash   varchar(64)  not null unique,
    owner_id     bigint       not null references app_user (id) on delete cascade,
    scopes       varchar(255) not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    unique (owner_id, name)
);

-- Who did what to which target, when, and how it ended.
create table audit_event (
    id             bigserial primary key,
    occurred_at    timestamptz  not null default now(),
    actor_type     varchar(16)  not null,
    actor_name     varchar(128) not null,
    source_address varchar(64),
    action         varchar(64)  not null,
    target         varchar(255) not null,
    outcome        varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE', 'REFUSED')),
    detail         text
);
create index audit_event_occurred_at on audit_event (occurred_at desc);
create index audit_event_target on audit_event (target, occurred_at desc);

-- VM profiles: the desired state of each VM.
create table profile (
    id            bigserial primary key,
    name          varchar(63)  not null unique,
    description   varchar(8192) not null default '',
    node          varchar(63)  not null,
    vmid          integer,
    platform      varchar(64)  not null,
    cores         integer      not null,
    memory_mib    integer      not null,
    gpu_mapping   varchar(128),
    net_bridge    varchar(32)  not null,
    net_mac       varchar(17),
    net_vlan      integer,
    bound_vmid    integer,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
create index profile_node on profile (node);
create unique index profile_vmid on profile (vmid) where vmid is not null;

create table profile_disk (
    profile_id  bigint      not null references profile (id) on delete cascade,
    position    integer     not null,
    slot        varchar(16) not null,
    storage     varchar(64) not null,
    size_gib    integer     not null,
    role        varchar(16) not null check (role in ('SYSTEM', 'DATA')),
    primary key (profile_id, position)
);

create table profile_tag (
    profile_id  bigint      not null references profile (id) on delete cascade,
    tag         varchar(64) not null,
    primary key (profile_id, tag)
);
create index profile_tag_tag on profile_tag (tag);

create table profile_setting (
    profile_id  bigint       not null references profile (id) on delete cascade,
    key         varchar(64)  not null,
    value       varchar(255) not null,
    primary key (profile_id, key)
);
