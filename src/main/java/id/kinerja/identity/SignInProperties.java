package id.kinerja.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits [C]: after {@code maxFailures} wrong passwords for a user name within {@code
 * window}, that user name is refused for {@code lockout} (on the form and with Basic alike). A
 * client (its address) failing more than {@code clientFreeFailures} times within the window must
 * wait before its next try: {@code clientDelay}, doubling with each further failure up to {@code
 * clientMaxDelay}.
 */
@ConfigurationProperties("kinerja.security.sign-in")
public record SignInProperties(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("15m") Duration window,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue("10") int clientFreeFailures,
    @DefaultValue("1s") Duration clientDelay,
    @DefaultValue("1m") Duration clientMaxDelay) {}
