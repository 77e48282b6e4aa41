package id.kinerja.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The screens of each role; their data comes from the API, which checks every access. */
@Controller
class RolePages {

  @GetMapping("/my/skp")
  String mySkp() {
    return "identity/my-skp";
  }

  @GetMapping("/team")
  String team() {
    return "identity/team";
  }

  @GetMapping("/periods")
  String periods() {
    return "identity/periods";
  }
}
