-- Failed sign-ins and bad tokens, counted per key ("source:<address>" or "account:<name>")
-- in a fixed window, so every replica sees the same counts.
create table auth_failure (
    key           varchar(200) primary key,
    window_start  timestamptz  not null,
    failures      integer      not null
);

-- Audit filters by actor and action; purging walks occurred_at (indexed in V1).
create index audit_event_actor on audit_event (actor_name, occurred_at desc);
create index audit_event_action on audit_event (action, occurred_at desc);
