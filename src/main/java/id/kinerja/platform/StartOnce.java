package id.kinerja.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts a process at most once for a row that records it: the row's key column is claimed (null to
 * a negative placeholder) before the engine is asked and holds the instance key after; a start that
 * fails frees the claim, so the next call tries again. Table, column and condition are the callers'
 * constants, never user input.
 */
@Component
public class StartOnce {

  private final JdbcClient jdbc;

  StartOnce(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param row the condition that selects the one row, with named parameters
   * @return whether the process started now (false: it had started already)
   */
  public boolean start(
      String table, String keyColumn, String row, Map<String, ?> params, LongSupplier start) {
    // a placeholder of its own, so that claims of several rows at once never meet on a unique key
    long placeholder = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    if (update(table, keyColumn, row, params, placeholder, keyColumn + " is null", null) == 0) {
      return false;
    }
    long instance;
    try {
      instance = start.getAsLong();
    } catch (RuntimeException e) {
      update(table, keyColumn, row, params, null, keyColumn + " = :claim", placeholder);
      throw e;
    }
    update(table, keyColumn, row, params, instance, keyColumn + " = :claim", placeholder);
    return true;
  }

  private int update(
      String table,
      String keyColumn,
      String row,
      Map<String, ?> params,
      Long value,
      String guard,
      Long claim) {
    var all = new HashMap<String, Object>(params);
    all.put("value", value);
    all.put("claim", claim);
    return jdbc.sql(
            "update "
                + table
                + " set "
                + keyColumn
                + " = cast(:value as bigint) where "
                + row
                + " and "
                + guard)
        .params(all)
        .update();
  }
}
