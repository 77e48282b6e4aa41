package id.kinerja.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: user name, the employee they are (if any), language and roles. */
public record KinerjaUser(
    long id,
    String username,
    String passwordHash,
    Long employeeId,
    String employeeNip,
    String name,
    String locale,
    boolean enabled,
    Set<Role> roles)
    implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        roles.stream()
            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
            .toList();
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
