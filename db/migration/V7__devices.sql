-- Thin-client devices (module session) and their bearer tokens (module access).

create table device (
    id          uuid         primary key,
    name        varchar(64)  not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
-- a revoked device keeps its row for the record; its name may be given to a new device
create unique index device_active_name on device (name) where revoked_at is null;

-- The profiles a device may stream; deleting a profile drops its bindings.
create table device_profile (
    device_id  uuid        not null references device (id) on delete cascade,
    profile    varchar(63) not null references profile (name) on delete cascade,
    primary key (device_id, profile)
);
create index device_profile_profile on device_profile (profile);

-- Only a hash of a device's secret is stored, as for script tokens.
create table device_token (
    id            bigserial    primary key,
    device_id     uuid         not null unique references device (id) on delete cascade,
    device_name   varchar(64)  not null,
    token_hash    varchar(64)  not null unique,
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
