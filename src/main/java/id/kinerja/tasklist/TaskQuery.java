package id.kinerja.tasklist;

import java.time.Instant;

/**
 * Filters of the task lists. {@code view}: MINE (assigned to me), GROUP (offered to me or my
 * groups), ALL (both).
 */
public record TaskQuery(
    View view,
    String processId,
    String employeeNip,
    Integer periodYear,
    Instant dueBefore,
    String text,
    int page,
    int size) {

  public enum View {
    MINE,
    GROUP,
    ALL
  }

  public TaskQuery {
    view = view == null ? View.ALL : view;
    page = Math.max(page, 0);
    size = Math.clamp(size <= 0 ? 25 : size, 1, 200);
  }
}
