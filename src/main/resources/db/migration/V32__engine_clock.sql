-- How far the embedded demo engine's clock runs ahead of real time (the broker forgets it on restart).
create table engine_clock (
  id            integer primary key check (id = 1),
  offset_millis bigint not null
);
