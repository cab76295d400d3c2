-- Notification targets (webhook, ntfy, Discord), the queue of deliveries shared by all replicas,
-- which is also the delivery log, and what repeated events need remembered.
create table notification_target (
    id                   bigint generated always as identity primary key,
    name                 text        not null unique,
    kind                 text        not null check (kind in ('webhook', 'ntfy', 'discord')),
    url                  text        not null,
    secret_sealed        text,
    -- event types, comma-separated; empty: every event
    events               text        not null default '',
    priority             integer,
    tags                 text        not null default '',
    paused_at            timestamptz,
    pause_reason         text,
    consecutive_failures integer     not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create table notification_delivery (
    id              bigint generated always as identity primary key,
    target_id       bigint      not null references notification_target (id) on delete cascade,
    event           text        not null,
    -- the notification as JSON: what every kind renders its request body from
    payload         text        not null,
    -- PENDING (queued or retrying), DELIVERED, FAILED (a test that failed; queued ones stay PENDING),
    -- SENDING (a test on its way)
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    response_code   integer,
    error           text,
    created_at      timestamptz not null,
    last_attempt_at timestamptz,
    delivered_at    timestamptz
);

-- the head of each target's queue, in order
create index notification_delivery_pending on notification_delivery (target_id, id) where status = 'PENDING';
create index notification_delivery_log on notification_delivery (id desc);

-- what the notifier remembers across replicas: runs in a row (snapshot.pruned_nothing) and
-- until when a repeated event stays quiet (gpu.busy while a session waits for the GPU)
create table notification_memory (
    memory_key  text primary key,
    count       integer not null default 0,
    quiet_until timestamptz
);
