-- Pre-warm: start a profile's VM shortly before it is usually wanted. A profile without a row is off.
create table prewarm_settings (
    profile         varchar(63) primary key references profile (name) on delete cascade,
    mode            varchar(16) not null,
    lead_seconds    integer     not null,
    grace_seconds   integer     not null,
    zone            varchar(64) not null,
    -- a manual schedule replacing the learned one, one "FRIDAY 19:30" per line
    manual_schedule text,
    updated_at      timestamptz not null
);

-- One warm-up (or a warm-up that was skipped) for one expected session. The unique key makes the
-- decision once across replicas. Kept by profile name, like sessions, so history outlives a profile.
create table prewarm_run (
    id               uuid primary key,
    profile          varchar(63)  not null,
    expected_at      timestamptz  not null,
    state            varchar(16)  not null,
    reason           varchar(1024),
    operation_id     uuid,
    estimate_seconds integer      not null,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    warm_at          timestamptz,
    ended_at         timestamptz,
    session_id       uuid,
    saved_seconds    integer,
    powered_seconds  integer,
    unique (profile, expected_at)
);
create index prewarm_run_open on prewarm_run (profile) where state in ('WARMING', 'WARM');
