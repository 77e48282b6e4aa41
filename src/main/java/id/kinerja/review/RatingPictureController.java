package id.kinerja.review;

import id.kinerja.platform.Refusal;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskViewers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The rater's full picture beside the rating form of processes/employee-review.bpmn. */
@RestController
@Tag(name = "Tasks")
class RatingPictureController {

  /** The rating task of processes/employee-review.bpmn. */
  static final String PROCESS = "employee-review";

  static final String RATING_STEP = "rate";

  private final TaskService tasks;
  private final TaskViewers viewers;
  private final Evaluations evaluations;
  private final RatingPicture picture;

  RatingPictureController(
      TaskService tasks, TaskViewers viewers, Evaluations evaluations, RatingPicture picture) {
    this.tasks = tasks;
    this.viewers = viewers;
    this.evaluations = evaluations;
    this.picture = picture;
  }

  @GetMapping(path = "/api/tasks/{id}/picture", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The rater's full picture for a rating task",
      description =
          "For whoever the rating task is for (its assignee or candidates; 403 for anyone else,"
              + " admins too; 404 for an unknown task or one that rates nobody): the SKP of the"
              + " post, capaian at the period's end (pro rata for quarters) with the suggested"
              + " rating and its rule, the monthly feedback, the evidence, the 360 aggregate per"
              + " value (peers and subordinates, anonymous) and the public's answers of the period"
              + " for a unit the public answered about.")
  RatingPicture.Picture picture(@PathVariable long id, Authentication auth, Locale locale) {
    TaskRow task = tasks.visibleTask(id, viewers.of(auth));
    if (!PROCESS.equals(task.processId())
        || !RATING_STEP.equals(task.elementId())
        || !(task.variables().get("evaluation") instanceof Map<?, ?> evaluation)
        || !(evaluation.get("evaluationId") instanceof Number evaluationId)) {
      throw new Refusal(HttpStatus.NOT_FOUND, "review.error.noPicture");
    }
    Evaluations.Evaluation rated =
        evaluations
            .byId(evaluationId.longValue())
            .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "review.error.noPicture"));
    Object unitHeadRating = task.variables().get("unitHeadRating");
    return picture.of(rated, unitHeadRating == null ? null : unitHeadRating.toString(), locale);
  }
}
