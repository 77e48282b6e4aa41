-- Masa perbaikan: the improvement period after a final annual predikat below Baik
-- (processes/improvement-period.bpmn), its outcome and the Pengelola Kinerja's follow-up.
create table improvement_period (
  id                   bigserial primary key,
  process_instance_key bigint       not null unique,  -- one per improvement-period process
  evaluation_id        bigint       references evaluation (id),
  employee_nip         varchar(18)  not null,
  period_year          integer      not null,
  predikat             varchar(20)  not null,
  started_at           timestamptz  not null,
  outcome              varchar(16)  check (outcome in ('IMPROVED', 'NOT_IMPROVED')),
  outcome_notes        text,
  reviewed_by          varchar(64),
  reviewed_at          timestamptz,
  follow_up_action     varchar(32),
  follow_up_notes      text,
  followed_up_by       varchar(64),
  followed_up_at       timestamptz
);
create index improvement_period_employee_idx on improvement_period (employee_nip);
