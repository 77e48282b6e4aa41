-- Tindak lanjut pengembangan: the employee's own development plan, training and special
-- assignments arranged after coaching or an improvement period, and awards / talent pool entries
-- for Sangat Baik.

-- Rencana pengembangan individu (processes/development-plan.bpmn): written by the employee,
-- agreed with (or returned by) the rater.
create table development_plan (
  id                   bigserial primary key,
  event_key            varchar(64)  not null unique,  -- the process step that asked for it
  process_instance_key bigint       unique,           -- its development-plan process, once started
  employee_nip         varchar(18)  not null,
  employee_username    varchar(64)  not null,
  rater_username       varchar(64)  not null,
  period_year          integer,
  reason               varchar(200),
  status               varchar(10)  not null default 'DRAFTING'
                         check (status in ('DRAFTING', 'SUBMITTED', 'RETURNED', 'AGREED')),
  goals                text,
  actions              text,
  support_needed       text,
  target_date          date,
  return_note          text,
  submitted_at         timestamptz,
  decided_by           varchar(64),
  decided_at           timestamptz,
  created_at           timestamptz  not null default now()
);
create index development_plan_employee_idx on development_plan (employee_nip);
create index development_plan_rater_idx on development_plan (rater_username);

-- Pelatihan and penugasan khusus as follow-ups: who arranges it (a user, or the agency's
-- Pengelola Kinerja when owner_username is null), by when, and what came of it.
create table development_follow_up (
  id                   bigserial primary key,
  event_key            varchar(64)  not null unique,  -- the process step that arranged it
  process_instance_key bigint       not null,
  source               varchar(20)  not null check (source in ('COACHING', 'IMPROVEMENT_PERIOD')),
  employee_nip         varchar(18)  not null,
  kind                 varchar(20)  not null check (kind in ('TRAINING', 'SPECIAL_ASSIGNMENT')),
  description          text,
  owner_username       varchar(64),
  due_date             date         not null,
  outcome              varchar(14)  check (outcome in ('COMPLETED', 'NOT_COMPLETED')),
  outcome_notes        text,
  recorded_by          varchar(64),
  recorded_at          timestamptz,
  created_at           timestamptz  not null default now()
);
create index development_follow_up_employee_idx on development_follow_up (employee_nip);
create index development_follow_up_open_idx on development_follow_up (due_date) where outcome is null;

-- Penghargaan and talent pool for Sangat Baik, with who decided them.
create table recognition (
  id           bigserial primary key,
  employee_nip varchar(18)  not null,
  period_year  integer      not null,
  kind         varchar(12)  not null check (kind in ('AWARD', 'TALENT_POOL')),
  title        varchar(200),
  reason       text         not null,
  decided_by   varchar(64)  not null,
  decided_at   timestamptz  not null default now(),
  unique (employee_nip, period_year, kind)
);
