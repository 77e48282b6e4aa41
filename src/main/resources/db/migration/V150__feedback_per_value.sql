-- The rater's continuous feedback on behaviour, per BerAKHLAK value: [{nilai: code, feedback}]
-- (feedback_perilaku keeps the one text of check-ins given before).
alter table monitoring_checkin add column feedback_per_value jsonb;
