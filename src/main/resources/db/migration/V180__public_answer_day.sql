-- The day a member of the public answered, in the agency's zone by the engine's clock (as
-- period_year is), so that answers fall in the quarter the agency was in, also when the demo moved
-- the clock. Earlier answers get the day they were stored on, within their year.
alter table feedback_public add column answered_on date;
update feedback_public
   set answered_on = greatest(make_date(period_year, 1, 1), least(make_date(period_year, 12, 31), at::date));
alter table feedback_public alter column answered_on set not null;
create index feedback_public_unit_day_idx on feedback_public (unit_code, answered_on);
