package id.kinerja.identity;

import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final Users users;
  private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

  HomeController(Users users, ObjectProvider<ClientRegistrationRepository> singleSignOn) {
    this.users = users;
    this.singleSignOn = singleSignOn;
  }

  /** The sign-in form; with single sign-on configured, a link to each provider as well. */
  @GetMapping("/login")
  String login(Model model) {
    var providers = new ArrayList<ClientRegistration>();
    if (singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
      registrations.forEach(r -> providers.add((ClientRegistration) r));
    }
    model.addAttribute("providers", providers);
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
