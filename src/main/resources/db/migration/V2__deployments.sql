-- Every attempt to deploy processes, decisions or forms, with its outcome.

create table deployment (
  id             bigserial primary key,
  source         varchar(16)  not null check (source in ('STARTUP', 'WATCHER', 'UPLOAD')),
  deployed_by    varchar(64)  not null,
  deployed_at    timestamptz  not null default now(),
  outcome        varchar(16)  not null check (outcome in ('DEPLOYED', 'FAILED')),
  problems       jsonb,        -- list of Problem (resource, code, element, detail) when FAILED
  deployment_key bigint
);
create index deployment_deployed_at_idx on deployment (deployed_at desc);

create table deployment_resource (
  id            bigserial primary key,
  deployment_id bigint       not null references deployment (id) on delete cascade,
  resource_name varchar(255) not null,
  kind          varchar(8)   not null check (kind in ('BPMN', 'DMN', 'FORM')),
  checksum      char(64)     not null,
  content       text         not null,
  -- filled in when the engine accepted the resource; one file may define several processes or decisions
  resource_id   varchar(255),
  version       integer,
  resource_key  bigint
);
create index deployment_resource_deployment_idx on deployment_resource (deployment_id);
create index deployment_resource_id_idx on deployment_resource (kind, resource_id, version);
