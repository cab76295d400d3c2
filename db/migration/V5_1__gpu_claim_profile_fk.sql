-- A deleted profile no longer holds a GPU in Rigplane's books (Proxmox's own start check still
-- guards the device while its released VM runs).
delete from gpu_claim where profile not in (select name from profile);
alter table gpu_claim add constraint gpu_claim_profile_fk
    foreign key (profile) references profile (name) on delete cascade;
