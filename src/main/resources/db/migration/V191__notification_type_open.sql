-- The notification types are the application's NotificationType; a list here had to be widened by
-- every feature that adds one (and two features widening it at once would undo each other).
alter table notification_outbox drop constraint notification_outbox_type_check;
