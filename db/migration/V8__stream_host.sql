-- A profile's stream-host settings; profiles without a row use the defaults (Apollo, Desktop,
-- 47989, the login from the environment). The password is sealed with SecretBox (AES-GCM).
create table stream_host (
    profile          varchar(63)  primary key references profile (name) on delete cascade on update cascade,
    kind             varchar(16)  not null check (kind in ('apollo', 'sunshine')),
    app              varchar(255) not null,
    http_port        integer      not null,
    username         varchar(128),
    password_sealed  text,
    updated_at       timestamptz  not null
);

-- One-time pairing codes issued per profile and client name: a client that pairs with one gets
-- launch and input permissions once (granted_at), not again after an admin took them away.
create table stream_host_pairing (
    profile      varchar(63)  not null references profile (name) on delete cascade on update cascade,
    client_name  varchar(255) not null,
    requested_at timestamptz  not null,
    granted_at   timestamptz,
    primary key (profile, client_name)
);
