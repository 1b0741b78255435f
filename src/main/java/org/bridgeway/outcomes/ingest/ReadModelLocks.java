package org.bridgeway.outcomes.ingest;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The advisory locks, held to the end of the caller's transaction, that order the writers and
 * readers of an agency's read model: whoever works on the whole agency (a rebuild, the measures'
 * facts of the agency) holds it alone; whoever works on some people shares the agency and holds
 * each of those people alone, taken in id order so that two of them never wait on each other.
 */
public final class ReadModelLocks {

  private ReadModelLocks() {}

  /** Holds the agency alone. */
  public static void wholeAgency(JdbcClient jdbc, UUID agency) {
    take(jdbc, "pg_advisory_xact_lock", "outcomes-agency:" + agency);
  }

  /** Shares the agency and holds each of the people alone. */
  public static void people(JdbcClient jdbc, UUID agency, Collection<UUID> people) {
    take(jdbc, "pg_advisory_xact_lock_shared", "outcomes-agency:" + agency);
    people.stream()
        .sorted()
        .distinct()
        .forEach(person -> take(jdbc, "pg_advisory_xact_lock", "outcomes-person:" + person));
  }

  private static void take(JdbcClient jdbc, String function, String key) {
    jdbc.sql("SELECT " + function + "(hashtextextended(:key, 0))")
        .param("key", key)
        .query()
        .singleValue();
  }
}
