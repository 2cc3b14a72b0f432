-- The audit log loses nothing unnoticed: TRUNCATE is refused like UPDATE and DELETE, and an entry
-- is taken only with the sequence number after the last one, so that a gap always means a deletion.
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

create function audit_log_next_in_order() returns trigger language plpgsql as $$
declare
  expected bigint;
begin
  select coalesce(max(sequence), 0) + 1 into expected from audit_log;
  if new.sequence <> expected then
    raise exception 'audit_log entry % out of order: the next entry is %', new.sequence, expected;
  end if;
  return new;
end;
$$;
create trigger audit_log_in_order before insert on audit_log
  for each row execute function audit_log_next_in_order();

-- Entries from keyed_from on carry an HMAC under a key the database does not hold (AUDIT_KEY,
-- AUDIT_KEY_FILE); the entries before it were written before there was a key and keep their plain
-- SHA-256 chain. key_fingerprint is recorded by the first keyed entry, so that a process holding
-- another key is refused instead of writing entries no one can verify.
create table audit_chain (
  id boolean primary key default true check (id),
  keyed_from bigint not null,
  key_fingerprint text
);
insert into audit_chain (keyed_from) select coalesce(max(sequence), 0) + 1 from audit_log;

create function audit_chain_fixed() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.key_fingerprint is null and new.keyed_from = old.keyed_from then
    return new;
  end if;
  raise exception 'audit_chain is fixed once its key is recorded';
end;
$$;
create trigger audit_chain_no_change before update or delete on audit_chain
  for each row execute function audit_chain_fixed();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function audit_chain_fixed();
