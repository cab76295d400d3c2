-- OAuth 2.0 Device Authorization Grant (RFC 8628) for thin clients (module session): a TV asks for
-- a code, an admin approves it, the TV exchanges its device code once for a device token.
-- Both codes are stored as SHA-256 hashes only, like tokens; rows live in PostgreSQL so that any
-- replica answers the TV's polls.
create table device_authorization (
    id                uuid         primary key,
    device_code_hash  varchar(64)  not null unique,
    user_code_hash    varchar(64)  not null unique,
    state             varchar(16)  not null check (state in ('PENDING', 'APPROVED', 'DENIED', 'REDEEMED')),
    requested_at      timestamptz  not null,
    requested_from    varchar(64),
    expires_at        timestamptz  not null,
    interval_seconds  integer      not null,
    last_polled_at    timestamptz,
    decided_at        timestamptz,
    decided_by        varchar(128),
    -- the device registered at approval; its token is made at the one exchange
    device_id         uuid         references device (id) on delete cascade,
    device_name       varchar(64)
);
create index device_authorization_expires on device_authorization (expires_at);
