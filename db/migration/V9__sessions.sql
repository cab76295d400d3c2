-- How sessions behave on a profile; a profile without a row uses the defaults.
create table session_settings (
    profile                     varchar(63) primary key references profile (name) on delete cascade,
    idle_timeout_seconds        integer     not null,
    grace_seconds               integer     not null,
    max_length_seconds          integer,
    concurrent                  varchar(16) not null,
    when_gpu_busy               varchar(16) not null,
    stream_host_timeout_seconds integer     not null,
    updated_at                  timestamptz not null
);

-- A wake-and-stream session. The profile is kept by name (not a foreign key) so that history
-- outlives a deleted profile.
create table stream_session (
    id                uuid primary key,
    profile           varchar(63)  not null,
    device_id         uuid,
    device_name       varchar(128),
    actor_type        varchar(16)  not null,
    actor_name        varchar(255) not null,
    client_name       varchar(128) not null,
    state             varchar(32)  not null,
    reason            varchar(2048),
    queue_key         varchar(255),
    queued_at         timestamptz,
    operation_id      uuid,
    connection        text,
    -- the stream host that answered, as the stream-host module described it
    stream_host       text,
    created_at        timestamptz  not null,
    ready_at          timestamptz,
    ended_at          timestamptz,
    last_activity_at  timestamptz,
    -- the replica driving the session towards READY renews this lease; a stale lease is taken over
    driver            varchar(255),
    driver_seen_at    timestamptz,
    version           bigint       not null default 0
);
create index stream_session_live on stream_session (profile) where state not in ('ENDED', 'FAILED');
create index stream_session_device on stream_session (device_id, created_at desc);
create index stream_session_created on stream_session (created_at desc);

create table stream_session_transition (
    id          bigserial primary key,
    session_id  uuid        not null references stream_session (id) on delete cascade,
    state       varchar(32) not null,
    at          timestamptz not null,
    detail      varchar(2048)
);
create index stream_session_transition_session on stream_session_transition (session_id, id);

-- A profile's VM to shut down once the grace period after its last session has passed.
create table session_shutdown (
    profile     varchar(63) primary key,
    due_at      timestamptz not null,
    reason      varchar(512) not null
);
