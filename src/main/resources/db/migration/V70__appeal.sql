-- Keberatan (appeals) against a delivered evaluation result.
create table appeal (
  id                   bigserial primary key,
  evaluation_id        bigint,
  employee_nip         varchar(18)  not null,
  rater_nip            varchar(18)  not null,
  decider_nip          varchar(18),
  process_instance_key bigint unique,
  status               varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'CHANGED', 'REJECTED')),
  reasons              text         not null,
  explanation          text,
  decision_notes       text,
  filed_at             timestamptz  not null default now(),
  decided_at           timestamptz,
  decided_by           varchar(64)
);
create index appeal_employee_idx on appeal (employee_nip, status);
create index appeal_rater_idx on appeal (rater_nip, status);
