-- The Proxmox cluster of a profile; null means the only configured one.
alter table profile add column cluster varchar(63);
