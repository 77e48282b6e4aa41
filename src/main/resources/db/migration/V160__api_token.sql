-- API tokens for scripts and integrations: sent as "Authorization: Bearer kin_...", so that a
-- script does not pay a BCrypt check on every request as it does with Basic. Only the SHA-256 of
-- the token is stored (a token is 256 random bits, so a fast hash is enough); it is shown once.
create table api_token (
  id           bigserial primary key,
  user_id      bigint       not null references app_user (id) on delete cascade,
  name         varchar(100) not null,
  token_hash   char(64)     not null unique,
  hint         varchar(12)  not null,   -- the first characters, so people can tell tokens apart
  created_by   varchar(64)  not null,
  created_at   timestamptz  not null default now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  revoked_by   varchar(64)
);
create index api_token_user_idx on api_token (user_id);
