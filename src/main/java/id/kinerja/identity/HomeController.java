package id.kinerja.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final Users users;

  HomeController(Users users) {
    this.users = users;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/account")
  String account() {
    return "identity/account";
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal KinerjaUser principal, Model model) {
    // read again: roles derived from the org tree may have changed since sign-in
    KinerjaUser user = users.find(principal.username()).orElse(principal);
    model.addAttribute("user", user);
    model.addAttribute("roles", user.roles());
    return "home";
  }
}
