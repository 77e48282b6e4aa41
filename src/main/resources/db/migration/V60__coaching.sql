-- Pembinaan (coaching and counselling).

-- Certified coaches (BIMBINGAN) and counsellors (KONSELING); capacity = open assignments at once.
create table coach (
  employee_id bigint      not null references employee (id),
  kind        varchar(10) not null check (kind in ('BIMBINGAN', 'KONSELING')),
  certified   boolean     not null default true,
  capacity    integer     not null default 3 check (capacity >= 0),
  primary key (employee_id, kind)
);

create table coaching_assignment (
  id                   bigserial primary key,
  process_instance_key bigint       not null unique,  -- one assignment per coaching process
  employee_nip         varchar(18)  not null,
  employee_username    varchar(64),
  coach_employee_id    bigint       references employee (id),
  coach_username       varchar(64)  not null,
  kind                 varchar(10)  not null check (kind in ('BIMBINGAN', 'KONSELING')),
  reason               varchar(200),
  assigned_by          varchar(64)  not null,          -- SYSTEM or the Pengelola Kinerja's user name
  status               varchar(8)   not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
  outcome              varchar(32),
  created_at           timestamptz  not null default now(),
  closed_at            timestamptz
);
create index coaching_assignment_coach_idx on coaching_assignment (coach_employee_id, status);
create index coaching_assignment_employee_idx on coaching_assignment (employee_nip);
create index coaching_assignment_coach_user_idx on coaching_assignment (coach_username);

create table coaching_session (
  id            bigserial primary key,
  assignment_id bigint       not null references coaching_assignment (id),
  event_key     varchar(64)  not null unique,
  session_date  varchar(32),
  notes         text,
  outcome       varchar(32)  not null check (outcome in ('CLOSED', 'MORE_COACHING', 'TRAINING',
                  'SPECIAL_ASSIGNMENT', 'TRANSFER_PROPOSAL', 'DISCIPLINE_RECOMMENDATION')),
  recorded_by   varchar(64),
  recorded_at   timestamptz  not null default now()
);
create index coaching_session_assignment_idx on coaching_session (assignment_id, id);
