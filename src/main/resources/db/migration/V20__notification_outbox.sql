-- Transactional outbox of notification e-mails: written with the domain change, sent afterwards.

create table notification_outbox (
  id                 bigserial primary key,
  event_key          varchar(200)  not null,   -- the domain event; with the recipient, enqueued once
  recipient_username varchar(64)   not null,
  recipient_email    varchar(254),              -- null when the employee has no address (row is DEAD)
  locale             varchar(5)    not null,
  type               varchar(32)   not null check (type in ('TASK_ASSIGNED', 'DEADLINE_NEAR',
                       'DEADLINE_PASSED', 'SKP_RETURNED', 'SKP_APPROVED', 'RESULT_DELIVERED',
                       'APPEAL_FILED', 'APPEAL_DECIDED', 'COACH_ASSIGNED', 'DIGEST')),
  -- rendered at enqueue time, so what is shown is what was sent
  subject            varchar(500)  not null,
  body_text          text          not null,
  body_html          text          not null,
  link               varchar(1000),
  status             varchar(16)   not null check (status in ('PENDING', 'SENT', 'DEAD', 'DIGESTED')),
  attempts           integer       not null default 0,
  next_attempt_at    timestamptz   not null default now(),
  last_error         text,
  created_at         timestamptz   not null default now(),
  sent_at            timestamptz,
  message_id         varchar(300),
  digest_id          bigint references notification_outbox (id), -- the DIGEST row that carried it
  constraint notification_outbox_event_recipient_uk unique (event_key, recipient_username)
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'PENDING';
create index notification_outbox_undigested_idx on notification_outbox (recipient_username)
  where status = 'DIGESTED' and digest_id is null;
