-- A tamper-evident audit trail: each entry carries the hash of the one before it and its own hash
-- over its content and that link (SHA-256), so an entry changed, removed or slipped in later breaks
-- the chain at that point (GET /api/audit/verify). Rows can only be added: updates, deletes and
-- truncation are refused by triggers.

-- The one definition of an entry's hash, used when appending and when verifying. Every text is
-- prefixed with its length, so no content can pass for a neighbour's.
create function audit_hash(prev_hash text, id bigint, at timestamptz, actor text, action text,
                           subject_type text, subject_id text, before_state jsonb, after_state jsonb)
  returns char(64) language sql stable as $$
  select encode(sha256(convert_to(concat_ws('|',
    prev_hash,
    id::text,
    to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    length(actor) || ':' || actor,
    length(action) || ':' || action,
    length(subject_type) || ':' || subject_type,
    length(subject_id) || ':' || subject_id,
    coalesce(length(before_state::text) || ':' || before_state::text, '-'),
    coalesce(length(after_state::text) || ':' || after_state::text, '-')), 'UTF8')), 'hex')
$$;

alter table audit_event add column prev_hash char(64), add column hash char(64);

-- entries written before the chain existed are chained in the order they were written
do $$
declare
  entry record;
  previous char(64) := repeat('0', 64);
begin
  for entry in select * from audit_event order by id loop
    update audit_event
       set prev_hash = previous,
           hash = audit_hash(previous, entry.id, entry.at, entry.actor, entry.action,
                             entry.subject_type, entry.subject_id, entry.before_state, entry.after_state)
     where id = entry.id
    returning hash into previous;
  end loop;
end $$;

alter table audit_event alter column prev_hash set not null, alter column hash set not null;
-- one successor per entry: two writers can never fork the chain
create unique index audit_event_prev_hash_uk on audit_event (prev_hash);
create index audit_event_at_idx on audit_event (at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op;
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
