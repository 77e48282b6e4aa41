-- The sandbox engine keeps its own clock offset for as long as it runs; nothing to store.
drop table engine_clock;

-- Which engine the records of this database belong to (the sandbox's id, new at each of its
-- starts), so that a fresh sandbox under an old database is noticed.
create table engine_identity (
  id          integer     primary key check (id = 1),
  engine_id   text        not null,
  recorded_at timestamptz not null default now()
);

-- What the application noticed about its engine: a fresh sandbox whose predecessor's records were
-- cleared (RESET), or a remote engine that does not know the processes recorded here (MISMATCH).
-- Shown on /admin.
create table engine_notice (
  id         bigserial   primary key,
  noticed_at timestamptz not null default now(),
  kind       varchar(20) not null,
  detail     jsonb       not null
);
