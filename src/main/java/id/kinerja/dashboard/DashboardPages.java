package id.kinerja.dashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard pages of each role; their charts' numbers come from the API. */
@Controller
class DashboardPages {

  @GetMapping("/dashboards")
  String index() {
    return "dashboard/index";
  }

  @GetMapping("/dashboard/team")
  @PreAuthorize("hasRole('PENILAI')")
  String team() {
    return "dashboard/team";
  }

  @GetMapping("/dashboard/agency")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  String agency() {
    return "dashboard/agency";
  }

  @GetMapping("/dashboard/calibration")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  String calibration() {
    return "dashboard/calibration";
  }

  @GetMapping("/dashboard/me")
  String me() {
    return "dashboard/me";
  }
}
