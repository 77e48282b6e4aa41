package id.kinerja.tasklist;

import java.util.Locale;
import java.util.Map;

/**
 * Data a task's form shows beside the task's own variables, looked up when the task is read (in the
 * reader's language) and again when it is submitted, so that choices the form offers from it
 * (valuesKey) are checked against the same options. It never reaches the engine. Features
 * contribute it as beans; forms name it like any variable.
 */
public interface FormContext {

  /** Whether it adds to tasks with this form (the form's id). */
  boolean appliesTo(String formId);

  /** The variables it adds; a task's own variable of the same name is shown instead. */
  Map<String, Object> of(TaskRow task, Locale locale);
}
