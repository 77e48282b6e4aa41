-- Organisation tree, employees, and the users who sign in.

create table org_unit (
  id               bigserial primary key,
  code             varchar(32)  not null unique,
  name             varchar(200) not null,
  parent_id        bigint references org_unit (id),
  head_employee_id bigint
);
create index org_unit_parent_idx on org_unit (parent_id);

create table employee (
  id            bigserial primary key,
  nip           char(18)     not null unique,
  name          varchar(200) not null,
  position      varchar(200) not null,
  grade         varchar(8)   not null,           -- golongan/ruang, e.g. III/c
  employee_type varchar(4)   not null default 'PNS' check (employee_type in ('PNS', 'PPPK')),
  unit_id       bigint       not null references org_unit (id),
  superior_id   bigint references employee (id),  -- atasan langsung; null for the top of the tree
  email         varchar(254),
  active        boolean      not null default true,
  created_at    timestamptz  not null default now()
);
create index employee_unit_idx on employee (unit_id);
create index employee_superior_idx on employee (superior_id);

alter table org_unit add constraint org_unit_head_fk foreign key (head_employee_id) references employee (id);

create table app_user (
  id            bigserial primary key,
  username      varchar(64)  not null unique,
  password_hash varchar(100) not null,
  employee_id   bigint unique references employee (id),
  locale        varchar(5)   not null default 'id',
  enabled       boolean      not null default true,
  created_at    timestamptz  not null default now()
);

-- Assigned roles. PENILAI is never stored: it is derived from having subordinates.
create table app_user_role (
  user_id bigint      not null references app_user (id) on delete cascade,
  role    varchar(32) not null check (role in ('PEGAWAI', 'PENGELOLA_KINERJA', 'PROCESS_OWNER', 'ADMIN')),
  primary key (user_id, role)
);
