package id.kinerja.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table is either cleared with a fresh sandbox (records of the engine's processes), cleared
 * and seeded again with the demo (the organisation), or kept (the audit trail): a new table must be
 * put in one of the lists, or a fresh sandbox would leave records that point at processes no engine
 * knows.
 */
class FreshSandboxResetTablesTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void everyTableIsClassified() {
    List<String> tables =
        jdbc.sql(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    var classified = new ArrayList<String>();
    classified.addAll(FreshSandboxReset.ENGINE_BOUND);
    classified.addAll(FreshSandboxReset.ORGANISATION);
    classified.addAll(FreshSandboxReset.KEPT);
    assertThat(tables).containsExactlyInAnyOrderElementsOf(classified);
  }
}
