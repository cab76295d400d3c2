-- Client addresses are recorded in the compact IPv6 form (::1, not 0:0:0:0:0:0:0:1) from now on;
-- rows written before in Java's long form (eight groups, no zone) are rewritten the same way, so
-- one client reads and counts as one address. PostgreSQL's inet prints that form.
update audit_event
   set source_address = host(source_address::inet)
 where source_address ~ '^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){7}$';

update sign_in_lock l
   set source = host(l.source::inet)
 where l.source ~ '^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){7}$'
   and not exists (select 1 from sign_in_lock o where o.username = l.username and o.source = host(l.source::inet));
