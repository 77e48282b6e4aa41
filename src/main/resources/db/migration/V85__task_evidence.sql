-- Evidence files (berkas bukti dukung) uploaded for the form of a task, e.g. a monthly check-in.
-- Kept in the database so that a backup of the database is a backup of everything.
create table task_evidence (
  id           uuid         primary key,
  task_key     bigint       not null,
  employee_nip varchar(18),
  uploaded_by  varchar(64)  not null,
  file_name    varchar(255) not null,
  content_type varchar(100) not null,
  size_bytes   integer      not null,
  content      bytea        not null,
  uploaded_at  timestamptz  not null default now()
);
create index task_evidence_task_idx on task_evidence (task_key);
