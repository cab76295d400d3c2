-- A planned shutdown stays until its operation has stopped the VM: one that failed is tried again,
-- or the VM would keep its GPU with no session on it while others queue for the GPU.
alter table session_shutdown add column operation_id uuid;
