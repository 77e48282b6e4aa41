-- An approved SKP whose "RHK pimpinan yang diintervensi" no longer matches the rater's approved SKP
-- after the rater's SKP was approved (first approval, a new post): flagged until the employee aligns
-- it again (or the SKP is closed). One flag per dependent SKP and superior SKP.
create table skp_alignment_flag (
  id               bigserial    primary key,
  skp_id           bigint       not null references skp (id) on delete cascade,
  superior_skp_id  bigint       not null references skp (id) on delete cascade,
  unsupported      jsonb        not null default '[]',
  flagged_at       timestamptz  not null,
  resolved_at      timestamptz,
  resolved_by      varchar(64),
  unique (skp_id, superior_skp_id)
);
create index skp_alignment_flag_open on skp_alignment_flag (skp_id) where resolved_at is null;
