-- Failed password checks per account and source address. A pair over its limit is locked until
-- locked_until; each further lock of the same pair lasts twice as long (lockouts counts them), so
-- a guesser slows down while the owner, from another address, is never locked out.
create table sign_in_lock (
    username      varchar(64)  not null,
    source        varchar(64)  not null,
    window_start  timestamptz  not null,
    failures      integer      not null,
    lockouts      integer      not null default 0,
    locked_until  timestamptz,
    primary key (username, source)
);

-- Signed-in dashboard sessions (by the SHA-256 of their id), so that a password change can end
-- a user's other sessions on every replica and say how many it ended.
create table dashboard_session (
    id_hash       char(64)     primary key,
    username      varchar(64)  not null,
    signed_in_at  timestamptz  not null,
    last_seen_at  timestamptz  not null
);
create index dashboard_session_user on dashboard_session (username);
