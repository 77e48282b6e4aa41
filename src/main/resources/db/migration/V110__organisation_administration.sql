-- The organisation as an agency runs it: several agencies (top-level units), the officials above
-- each agency, rater overrides, acting officials (Plt/Plh), and a BKPSDM-wide Pengelola Kinerja.

alter table app_user_role drop constraint app_user_role_role_check;
alter table app_user_role add constraint app_user_role_role_check
  check (role in ('PEGAWAI', 'PENGELOLA_KINERJA', 'PENGELOLA_BKPSDM', 'PROCESS_OWNER', 'ADMIN'));

alter table employee add column position_type varchar(10)
  check (position_type in ('STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'));

-- The rater and the appeal decider of an agency's head, who are not in the agency's tree (for
-- example the Sekretaris Daerah and the Kepala Daerah). They sign in with their own account.
create table agency_official (
  agency_unit_id bigint       not null references org_unit (id),
  kind           varchar(16)  not null check (kind in ('RATER', 'APPEAL_DECIDER')),
  username       varchar(64)  not null references app_user (username),
  name           varchar(200) not null,
  position       varchar(200) not null,
  set_by         varchar(64)  not null,
  set_at         timestamptz  not null default now(),
  primary key (agency_unit_id, kind)
);

-- A rater named by the Pengelola Kinerja where the tree gets it wrong; shown beside the derived one.
create table rater_override (
  employee_id       bigint      primary key references employee (id),
  rater_employee_id bigint      not null references employee (id),
  reason            text        not null,
  set_by            varchar(64) not null,
  set_at            timestamptz not null default now(),
  check (employee_id <> rater_employee_id)
);

-- Pelaksana tugas / pelaksana harian: someone acting in a post for a date range. The post is a
-- unit's head (also when vacant) or the post a rater holds.
create table acting_official (
  id                 bigserial    primary key,
  unit_id            bigint       references org_unit (id),
  holder_employee_id bigint       references employee (id),
  acting_employee_id bigint       not null references employee (id),
  kind               varchar(3)   not null check (kind in ('PLT', 'PLH')),
  starts_on          date         not null,
  ends_on            date         not null,
  reason             text,
  created_by         varchar(64)  not null,
  created_at         timestamptz  not null default now(),
  check (ends_on >= starts_on),
  check ((unit_id is null) <> (holder_employee_id is null))
);
create index acting_official_acting_idx on acting_official (acting_employee_id, starts_on, ends_on);

-- A task collected while its assignee had an acting official went to that official: for whom.
alter table user_task add column acting_for varchar(64);
