package id.kinerja.tasklist;

import id.kinerja.tasklist.FormValidator.FieldError;
import id.kinerja.tasklist.TaskRow.Viewer;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence files for a task's form, uploaded by whoever may complete the task now. */
@Service
public class EvidenceUploads {

  private final TaskService tasks;
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final TaskEvidence evidence;

  EvidenceUploads(TaskService tasks, TaskEvidence evidence) {
    this.tasks = tasks;
    this.evidence = evidence;
  }

  @Transactional
  public TaskEvidence.Reference upload(
      long taskKey, Viewer viewer, String fileName, byte[] content) {
    TaskRow task = tasks.actionableTask(taskKey, viewer);
    if (content.length == 0) {
      throw TaskProblem.invalid(List.of(new FieldError("file", "fileEmpty", fileName)));
    }
    if (content.length > MAX_BYTES) { // the upload limit itself is larger, for organisation files
      throw TaskProblem.invalid(List.of(new FieldError("file", "fileTooLarge", "5")));
    }
    if (TaskEvidence.contentTypeOf(fileName).isEmpty()) {
      throw TaskProblem.invalid(
          List.of(
              new FieldError(
                  "file",
                  "fileType",
                  String.join(", ", TaskEvidence.TYPES.keySet().stream().sorted().toList()))));
    }
    return evidence.store(task, viewer.username(), fileName, content);
  }
}
