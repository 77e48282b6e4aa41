-- Performance years opened per unit, each employee's year, unit reviews and evaluations.

create table performance_period (
  id          bigserial primary key,
  unit_code   varchar(32)  not null,
  period_year integer      not null,
  status      varchar(8)   not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
  opened_by   varchar(64)  not null,
  opened_at   timestamptz  not null default now(),
  closed_at   timestamptz,
  unique (unit_code, period_year)
);

create table performance_year (
  id                   bigserial primary key,
  period_id            bigint       not null references performance_period (id),
  employee_nip         varchar(18)  not null,
  period_year          integer      not null,
  process_instance_key bigint unique,  -- null until the engine started it: opening again retries
  started_at           timestamptz  not null default now(),
  unique (employee_nip, period_year)
);

create table unit_review (
  id                   bigserial primary key,
  unit_code            varchar(32)  not null,
  period_year          integer      not null,
  period               varchar(8)   not null check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL')),
  unit_predikat        varchar(16),
  status               varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'FINAL')),
  violations           jsonb,
  justification        text,
  justified_by         varchar(64),
  process_instance_key bigint unique,
  started_by           varchar(64)  not null,
  unique (unit_code, period_year, period)
);

create table evaluation (
  id                   bigserial primary key,
  unit_review_id       bigint       not null references unit_review (id),
  employee_nip         varchar(18)  not null,
  period_year          integer      not null,
  period               varchar(8)   not null,
  rater_nip            varchar(18),
  rater_username       varchar(64),
  decider_username     varchar(64),
  suggested_rating     varchar(24),
  rating_hasil_kerja   varchar(24),
  rating_perilaku      varchar(24),
  predikat             varchar(20),
  notes                text,
  status               varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'RATED', 'DELIVERED')),
  delivered_at         timestamptz,
  appeal_deadline      date,
  unique (employee_nip, period_year, period)
);
create index evaluation_review_idx on evaluation (unit_review_id);
