-- 360-degree feedback on work behaviour (BerAKHLAK): answers from peers, subordinates and the
-- public. Respondents are kept for de-duplication only; employees see aggregates, never names.
create table feedback_answer (
  id           bigserial primary key,
  event_key    varchar(64)  not null unique,
  employee_nip varchar(18)  not null,
  period_year  integer      not null,
  source       varchar(12)  not null check (source in ('PEER', 'SUBORDINATE', 'SELF')),
  respondent   varchar(64)  not null,
  scores       jsonb        not null,
  comment      text,
  at           timestamptz  not null default now()
);
create index feedback_answer_employee_idx on feedback_answer (employee_nip, period_year);

-- Public feedback on a service unit (no sign-in), rate-limited per client.
create table feedback_public (
  id          bigserial primary key,
  unit_code   varchar(32)  not null,
  period_year integer      not null,
  client_hash char(64)     not null,
  scores      jsonb        not null,
  comment     text,
  at          timestamptz  not null default now()
);
create index feedback_public_unit_idx on feedback_public (unit_code, period_year);
create index feedback_public_client_idx on feedback_public (client_hash, at);
