-- VMIDs taken by creates in progress, so that concurrent creates (on any replica) never pick the
-- same one from Proxmox's /cluster/nextid, which answers the same to everyone until a VM exists.
create table vmid_reservation (
    cluster      varchar(63) not null,
    vmid         integer     not null,
    profile_name varchar(63) not null,
    reserved_at  timestamptz not null,
    primary key (cluster, vmid)
);
