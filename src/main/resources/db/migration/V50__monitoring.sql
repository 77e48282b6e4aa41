-- Monthly check-ins (cumulative realisasi with evidence, the rater's feedback) and the coaching
-- (pembinaan) a gap started.
create table monitoring_checkin (
  id                 bigserial primary key,
  event_key          varchar(64)  not null unique,
  employee_nip       varchar(18)  not null,
  period_year        integer      not null,
  month              integer      not null check (month between 1 and 12),
  items              jsonb        not null,
  feedback_hasil     text,
  feedback_perilaku  text,
  gap                boolean      not null,
  gap_summary        text,
  at                 timestamptz  not null default now()
);
create index monitoring_checkin_employee_idx on monitoring_checkin (employee_nip, period_year, month);

create table coaching_note (
  id           bigserial primary key,
  event_key    varchar(64)  not null unique,
  employee_nip varchar(18)  not null,
  period_year  integer      not null,
  month        integer      not null,
  kind         varchar(12)  not null check (kind in ('BIMBINGAN', 'KONSELING')),
  plan         text         not null,
  coach        varchar(64),
  at           timestamptz  not null default now()
);
create index coaching_note_employee_idx on coaching_note (employee_nip, period_year);
