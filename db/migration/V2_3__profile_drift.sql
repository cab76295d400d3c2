-- The last drift check of each profile's VM: what was changed outside Rigplane.
create table profile_drift (
    profile_name  varchar(63) primary key references profile (name) on delete cascade,
    checked_at    timestamptz not null,
    drifted       boolean     not null,
    drifted_since timestamptz,
    changes       text        not null default '[]',
    error         text
);
create index profile_drift_drifted on profile_drift (drifted) where drifted;
