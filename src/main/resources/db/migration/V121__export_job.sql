-- Exports run in the background: progress while rows are written, the file kept for download.
create table export_job (
  id            uuid         primary key,
  requested_by  varchar(64)  not null,
  kind          varchar(16)  not null check (kind in ('EVALUATIONS', 'SKP')),
  unit_code     varchar(32)  not null,
  period_year   integer      not null,
  period        varchar(8),
  format        varchar(4)   not null check (format in ('CSV', 'XLSX')),
  locale        varchar(5)   not null,
  status        varchar(8)   not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  total_rows    integer,
  done_rows     integer      not null default 0,
  file_name     varchar(200),
  content_type  varchar(100),
  content       bytea,
  error         text,
  created_at    timestamptz  not null default now(),
  finished_at   timestamptz
);
create index export_job_requester_idx on export_job (requested_by, created_at desc);
