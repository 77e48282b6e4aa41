-- The performance year in the real calendar (issue 10).

-- Each SKP, check-in and evaluation belongs to one post of the year: after a mutasi the old post
-- keeps its SKP, check-ins and periodic evaluations, and the new post gets its own.
alter table skp add column post integer not null default 1;
alter table monitoring_checkin add column post integer not null default 1;
alter table evaluation add column post integer not null default 1;
-- the day the year (opened late) or the post (after a mutasi) started, in the agency's zone
alter table performance_year add column started_on date;

-- Holidays (hari libur nasional, cuti bersama) the Pengelola Kinerja keeps per year: check-ins are
-- due a number of working days after month end.
create table holiday (
  day        date         primary key,
  name       varchar(200) not null,
  updated_by varchar(64)  not null,
  updated_at timestamptz  not null default now()
);

-- PP 30/2019 art. 59: the rater's superior may ask the employee for an explanation too; the
-- Pengelola Kinerja may hand an overdue decision to another official.
alter table appeal add column employee_question text;
alter table appeal add column employee_explanation text;
alter table appeal add column decider_username varchar(64);
alter table appeal add column escalation_notes text;
