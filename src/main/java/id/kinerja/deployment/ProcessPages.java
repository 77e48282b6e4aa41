package id.kinerja.deployment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The process owner's screen; access is limited in the security configuration and the API. */
@Controller
class ProcessPages {

  @GetMapping("/processes")
  String processes() {
    return "deployment/processes";
  }
}
