-- Documents issued as PDF (the SKP, the Dokumen Evaluasi Kinerja Pegawai): each distinct state of a
-- record gets one document number and one verification code; what it stated is kept so that the
-- public verification page can show it without reading the record again.
create table issued_document (
  id                bigserial primary key,
  kind              varchar(12)  not null check (kind in ('SKP', 'EVALUATION')),
  subject_id        bigint       not null,              -- skp.id or evaluation.id
  fingerprint       char(64)     not null,              -- SHA-256 of what the record states
  number            varchar(64)  not null unique,
  verification_code varchar(20)  not null unique,
  statement         jsonb        not null,
  issued_by         varchar(64)  not null,
  issued_at         timestamptz  not null default now(),
  unique (kind, subject_id, fingerprint)
);
create index issued_document_subject_idx on issued_document (kind, subject_id, id);

-- Document numbers run per kind, agency and year without gaps.
create table document_counter (
  kind        varchar(12)  not null,
  agency_code varchar(32)  not null,
  year        integer      not null,
  last_number integer      not null,
  primary key (kind, agency_code, year)
);

-- Requests admitted from clients of public pages (no sign-in), per purpose, for rate limits; the
-- client is kept only as a hash.
create table public_request (
  id          bigserial primary key,
  purpose     varchar(32)  not null,
  client_hash char(64)     not null,
  at          timestamptz  not null default now()
);
create index public_request_client_idx on public_request (purpose, client_hash, at);
