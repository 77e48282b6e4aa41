-- The review calendar of an opened year (processes/review-calendar.bpmn): started once per period,
-- null until the engine started it, so that opening the year again retries a failed start.
alter table performance_period add column calendar_instance_key bigint;

-- Coaching started by a step of another process (a periodic rating below expectation): the step's
-- event key is claimed first, so a redelivered job starts nothing twice.
create table coaching_request (
  event_key            varchar(64)  primary key,
  employee_nip         varchar(18)  not null,
  reason               varchar(200) not null,
  process_instance_key bigint,
  requested_at         timestamptz  not null default now()
);

-- When an employee's performance year ended (its last step, processes/performance-year.bpmn).
alter table performance_year add column completed_at timestamptz;
