-- A task list is read in one order (due date, priority, key) and paged (TaskStore.search). A
-- person's own tasks and the tasks offered to them are read as two lists, each from an index in
-- that order, as far as the page reaches: a page of a group with 10,000 tasks reads a page of
-- rows instead of sorting all 10,000. The GIN indexes, which find a group's tasks for the count
-- and for small groups, keep no pending list: with one, every list scanned the tasks added since
-- the last vacuum one by one (30-40 ms at 100,000 open tasks).
drop index user_task_assignee_idx;
create index user_task_assignee_idx on user_task (assignee, due_date, priority desc, task_key)
  where state = 'OPEN';
create index user_task_offered_idx on user_task (due_date, priority desc, task_key)
  where state = 'OPEN' and (candidate_groups <> '{}' or candidate_users <> '{}');
-- the same by year: a period filter that matches none of a large group's tasks would otherwise
-- walk all of them (10 ms at 10,000)
create index user_task_offered_year_idx on user_task (period_year, due_date, priority desc, task_key)
  where state = 'OPEN' and (candidate_groups <> '{}' or candidate_users <> '{}');
drop index user_task_groups_idx;
create index user_task_groups_idx on user_task using gin (candidate_groups) with (fastupdate = off)
  where state = 'OPEN';
drop index user_task_users_idx;
create index user_task_users_idx on user_task using gin (candidate_users) with (fastupdate = off)
  where state = 'OPEN';
