-- A transfer (mutasi) mid-year closes the employee's year in the old post and starts another one
-- for the new post: more than one performance year per employee and year.
alter table performance_year add column post integer not null default 1;
alter table performance_year drop constraint performance_year_employee_nip_period_year_key;
alter table performance_year add constraint performance_year_post_key unique (employee_nip, period_year, post);

create table transfer (
  id           bigserial primary key,
  employee_nip varchar(18)  not null,
  period_year  integer      not null,
  from_unit    varchar(32)  not null,
  to_unit      varchar(32)  not null,
  from_position varchar(200) not null,
  to_position  varchar(200) not null,
  decided_by   varchar(64)  not null,
  at           timestamptz  not null default now()
);
