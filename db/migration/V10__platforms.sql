-- Platforms as data: the defaults a profile inherits, layer over layer. Built-in platforms have a
-- row so that profiles and other platforms can refer to them; their content is code.
create table platform (
    id           varchar(63)   primary key,
    description  varchar(1024) not null default '',
    extends_id   varchar(63)   references platform (id),
    os_type      varchar(16),
    stream_host  varchar(16)   check (stream_host in ('apollo', 'sunshine')),
    built_in     boolean       not null default false,
    version      bigint        not null default 0,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now()
);
create index platform_extends on platform (extends_id);

create table platform_setting (
    platform_id  varchar(63)   not null references platform (id) on delete cascade,
    key          varchar(64)   not null,
    value        varchar(1024) not null,
    primary key (platform_id, key)
);

insert into platform (id, built_in) values ('windows-11-gaming', true), ('linux-workstation', true),
    ('as-is', true);

-- A profile stays on an existing platform: deleting one in use fails.
alter table profile add constraint profile_platform_fk foreign key (platform) references platform (id);
create index profile_platform on profile (platform);

-- What adopt records of a VM as it is: each disk's own drive options, the network card's model.
alter table profile_disk add column options varchar(512);
alter table profile add column net_model varchar(16);

-- as-is profiles carry every key of their VM, some of them long (cloud-init keys, hook scripts)
alter table profile_setting alter column value type varchar(2048);
