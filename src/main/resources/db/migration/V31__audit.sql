-- Who did what, when, with the state before and after.
create table audit_event (
  id           bigserial primary key,
  at           timestamptz  not null default now(),
  actor        varchar(64)  not null,
  action       varchar(64)  not null,
  subject_type varchar(32)  not null,
  subject_id   varchar(64)  not null,
  before_state jsonb,
  after_state  jsonb
);
create index audit_event_subject_idx on audit_event (subject_type, subject_id, at);
create index audit_event_actor_idx on audit_event (actor, at);
