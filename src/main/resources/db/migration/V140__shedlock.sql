-- ShedLock's table: scheduled work (outbox sender, digest, task reconciler, folder watcher) runs on one
-- application instance at a time. A row per job name; lock_until bounds how long a dead instance
-- can hold it.
create table shedlock (
  name       varchar(64)  primary key,
  lock_until timestamptz  not null,
  locked_at  timestamptz  not null,
  locked_by  varchar(255) not null
);
