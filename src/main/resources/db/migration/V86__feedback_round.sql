-- One 360 round per employee and year, whoever starts it (the Pengelola Kinerja or the review
-- calendar); null process key until the engine started it, so that starting again retries.
create table feedback_round (
  employee_nip         varchar(18)  not null,
  period_year          integer      not null,
  process_instance_key bigint,
  started_at           timestamptz  not null default now(),
  primary key (employee_nip, period_year)
);
