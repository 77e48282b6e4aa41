-- Human tasks collected from the engine (job-worker user tasks), for the tasklist.

create table user_task (
  task_key              bigint primary key,          -- the engine's job key
  process_instance_key  bigint       not null,
  process_definition_key bigint      not null,
  process_id            varchar(255) not null,
  process_version       integer      not null,
  element_id            varchar(255) not null,
  element_instance_key  bigint       not null,
  name                  varchar(255) not null,
  form_key              varchar(255),
  assignee              varchar(64),
  candidate_groups      text[]       not null default '{}',
  candidate_users       text[]       not null default '{}',
  due_date              timestamptz,
  follow_up_date        timestamptz,
  priority              integer      not null default 50,
  variables             jsonb        not null default '{}',
  -- copied out of the variables so that lists can filter on them with an index
  employee_nip          varchar(18),
  period_year           integer,
  state                 varchar(16)  not null default 'OPEN'
                        check (state in ('OPEN', 'COMPLETED', 'CANCELED')),
  created_at            timestamptz  not null default now(),
  checked_at            timestamptz  not null default now(),
  ended_at              timestamptz,
  ended_by              varchar(64)
);
create index user_task_assignee_idx on user_task (assignee, due_date, task_key) where state = 'OPEN';
create index user_task_groups_idx on user_task using gin (candidate_groups) where state = 'OPEN';
create index user_task_users_idx on user_task using gin (candidate_users) where state = 'OPEN';
create index user_task_process_idx on user_task (process_id, state);
create index user_task_employee_idx on user_task (employee_nip, period_year);
create index user_task_instance_idx on user_task (process_instance_key);
create index user_task_checked_idx on user_task (checked_at) where state = 'OPEN';

create table task_filter (
  id         bigserial primary key,
  username   varchar(64)  not null,
  name       varchar(100) not null,
  query      jsonb        not null,
  created_at timestamptz  not null default now(),
  unique (username, name)
);
