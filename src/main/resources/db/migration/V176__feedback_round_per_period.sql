-- 360 rounds per employee and period instead of per year, so that a quarterly review can ask for
-- 360 input too (feedback360 per period in review-calendar.bpmn); what exists was the annual one.
-- The round keeps its deadline (set by feedback-360.bpmn) and when it closed: a rating that needs
-- 360 input waits for that (unit-review.bpmn) and does not wait for a round closed already.
alter table feedback_round add column period varchar(8) not null default 'ANNUAL'
  check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'));
alter table feedback_round drop constraint feedback_round_pkey;
alter table feedback_round add primary key (employee_nip, period_year, period);
alter table feedback_round add column deadline timestamptz;
alter table feedback_round add column closed_at timestamptz;

alter table feedback_answer add column period varchar(8) not null default 'ANNUAL'
  check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'));
drop index feedback_answer_respondent_uk;
create unique index feedback_answer_respondent_uk
  on feedback_answer (employee_nip, period_year, period, respondent);
drop index feedback_answer_employee_idx;
create index feedback_answer_employee_idx on feedback_answer (employee_nip, period_year, period);
