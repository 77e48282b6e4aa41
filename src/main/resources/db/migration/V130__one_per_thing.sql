-- Records there is one of per thing, kept unique by the database so that two requests or two job
-- deliveries racing each other leave one: one appeal per evaluation (PP 30/2019 art. 59: the
-- decision is final), one improvement period per final result, one 360 answer per respondent,
-- employee and year.
create unique index appeal_evaluation_uk on appeal (evaluation_id);
create unique index improvement_period_evaluation_uk on improvement_period (evaluation_id)
  where evaluation_id is not null;
create unique index feedback_answer_respondent_uk on feedback_answer (employee_nip, period_year, respondent);
