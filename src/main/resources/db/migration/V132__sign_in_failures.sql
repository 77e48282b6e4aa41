-- Failed sign-ins, for the lockout of a user name and the slow-down of a client (the client only as a
-- hash of its address). A successful sign-in clears its user name's failures; old rows are removed.
create table sign_in_failure (
  id          bigserial    primary key,
  username    varchar(64)  not null,
  client_hash char(64)     not null,
  at          timestamptz  not null default now()
);
create index sign_in_failure_username_idx on sign_in_failure (username, at);
create index sign_in_failure_client_idx on sign_in_failure (client_hash, at);
create index sign_in_failure_at_idx on sign_in_failure (at);
