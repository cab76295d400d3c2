-- Every replica keeps the bearer tokens it verified in memory for a few seconds. These triggers
-- tell all of them (LISTEN rigplane_auth) when a token or its owner changes, whoever changed it,
-- so a revocation, a demotion or a deletion takes effect everywhere at once. PostgreSQL sends a
-- notification only when its transaction commits.
-- Payloads: 'token:<sha-256 of the secret>' (a script's or a device's) and 'user:<id>'.
create function notify_auth_change() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'app_user' then
        perform pg_notify('rigplane_auth', 'user:' || old.id);
    else
        perform pg_notify('rigplane_auth', 'token:' || old.token_hash);
    end if;
    return null;
end
$$;

-- any change of a user (role, password, a future disable flag) drops the user's tokens from every cache
create trigger app_user_changed after update on app_user for each row
    when (old.* is distinct from new.*) execute function notify_auth_change();
create trigger app_user_deleted after delete on app_user for each row execute function notify_auth_change();

-- not last_used_at: recording use must not empty the caches
create trigger api_token_changed after update on api_token for each row
    when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
          or old.token_hash is distinct from new.token_hash or old.scopes is distinct from new.scopes
          or old.owner_id is distinct from new.owner_id or old.name is distinct from new.name)
    execute function notify_auth_change();
create trigger api_token_deleted after delete on api_token for each row execute function notify_auth_change();

create trigger device_token_changed after update on device_token for each row
    when (old.revoked_at is distinct from new.revoked_at or old.token_hash is distinct from new.token_hash
          or old.device_name is distinct from new.device_name)
    execute function notify_auth_change();
create trigger device_token_deleted after delete on device_token for each row execute function notify_auth_change();
