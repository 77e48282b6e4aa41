-- The employee's self-assessment before each rating (unit-review, rate-each): submitted with a
-- self-rating per RHK and per BerAKHLAK value and a short narrative, or recorded as missing when
-- its due date passed; the rater sees it on the rating task. One per evaluation.
create table self_assessment (
  evaluation_id bigint       primary key references evaluation (id),
  status        varchar(16)  not null check (status in ('SUBMITTED', 'MISSING')),
  results       jsonb,
  behaviour     jsonb,
  narrative     text,
  recorded_by   varchar(100),
  recorded_at   timestamptz  not null default now()
);
