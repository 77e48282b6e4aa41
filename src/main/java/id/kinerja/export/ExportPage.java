package id.kinerja.export;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The officers' export page: start an export, watch its progress, download it. */
@Controller
class ExportPage {

  @GetMapping("/exports")
  @PreAuthorize("hasAnyRole('PENGELOLA_KINERJA', 'ADMIN')")
  String exports() {
    return "export/exports";
  }
}
