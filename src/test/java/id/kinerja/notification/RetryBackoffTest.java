package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void doublesPerFailedAttemptUpToTheMaximum() {
    var retry = new NotificationProperties.Retry(Duration.ofSeconds(30), Duration.ofMinutes(5), 8);

    assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(retry.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(retry.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(retry.backoffAfter(50)).isEqualTo(Duration.ofMinutes(5));
  }
}
