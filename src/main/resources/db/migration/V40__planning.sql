-- SKP (Sasaran Kinerja Pegawai): one per employee, period and position; every drafting and review
-- round is kept.

create table skp (
  id                   bigserial primary key,
  employee_nip         varchar(18)  not null,
  period_year          integer      not null,
  process_instance_key bigint       not null unique,
  status               varchar(16)  not null default 'DRAFT'
                       check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'CLOSED')),
  approach             varchar(12)  check (approach in ('KUANTITATIF', 'KUALITATIF')),
  content              jsonb        not null default '{}',
  approved_at          timestamptz,
  approved_by          varchar(64),
  created_at           timestamptz  not null default now(),
  updated_at           timestamptz  not null default now()
);
create index skp_employee_idx on skp (employee_nip, period_year);

create table skp_round (
  id        bigserial primary key,
  skp_id    bigint       not null references skp (id),
  event_key varchar(64)  not null unique,  -- the process step; a redelivered job adds nothing
  kind      varchar(8)   not null check (kind in ('DRAFT', 'REVIEW')),
  actor     varchar(64),
  decision  varchar(8)   check (decision in ('APPROVE', 'RETURN')),
  notes     text,
  content   jsonb,
  at        timestamptz  not null default now()
);
create index skp_round_skp_idx on skp_round (skp_id, id);
