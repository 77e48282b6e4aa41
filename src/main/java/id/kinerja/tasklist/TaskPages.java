package id.kinerja.tasklist;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The tasklist screens; their data comes from the task API, which checks every access. */
@Controller
class TaskPages {

  @GetMapping("/tasks")
  String tasks() {
    return "tasklist/tasks";
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable long id, Model model) {
    model.addAttribute("taskId", id);
    return "tasklist/task";
  }
}
