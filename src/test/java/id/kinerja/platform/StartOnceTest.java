package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kinerja.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A process recorded by a row starts once; a start the engine refused is tried again. */
class StartOnceTest extends IntegrationTest {

  @Autowired StartOnce startOnce;
  @Autowired JdbcClient jdbc;

  @Test
  void aRefusedStartFreesItsClaimAndAStartedOneIsNotRepeated() {
    String key = "test:" + UUID.randomUUID();
    jdbc.sql(
            "insert into coaching_request (event_key, employee_nip, reason) values (:key, '1', 'TEST')")
        .param("key", key)
        .update();
    var starts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                start(
                    key,
                    () -> {
                      starts.incrementAndGet();
                      throw new IllegalStateException("engine away");
                    }))
        .hasMessage("engine away");
    assertThat(keyOf(key)).isNull();
    assertThat(
            start(
                key,
                () -> {
                  starts.incrementAndGet();
                  return 4242L;
                }))
        .isTrue();
    assertThat(start(key, () -> starts.incrementAndGet())).isFalse();

    assertThat(keyOf(key)).isEqualTo(4242L);
    assertThat(starts).hasValue(2);
  }

  private boolean start(String key, LongSupplier engine) {
    return startOnce.start(
        "coaching_request", "process_instance_key", "event_key = :key", Map.of("key", key), engine);
  }

  private Long keyOf(String key) {
    return jdbc.sql("select process_instance_key from coaching_request where event_key = :key")
        .param("key", key)
        .query((rs, n) -> (Long) rs.getObject(1))
        .list()
        .get(0);
  }
}
