package org.bridgeway.directory.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Current capacity per service, and the append-only history of every report. */
@Repository
public class Capacities {

  private final JdbcClient jdbc;

  Capacities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Capacity> find(UUID serviceId) {
    return jdbc.sql(
            "SELECT service_id, open_slots, waitlist_length, estimated_wait_days, updated_at,"
                + " updated_by, version FROM directory_capacity WHERE service_id = ?")
        .param(serviceId)
        .query(
            (rs, n) ->
                new Capacity(
                    rs.getObject(1, UUID.class),
                    rs.getInt(2),
                    rs.getInt(3),
                    (Integer) rs.getObject(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    rs.getInt(7)))
        .optional();
  }

  /**
   * Records a capacity report: it becomes the current figure and is kept in the history.
   *
   * @param expectedVersion the version the reporter saw, or null to overwrite whatever is there
   *     (provider systems sending their latest figures)
   * @throws OptimisticLockingFailureException if the figures changed since the reporter saw them
   */
  public Capacity report(
      UUID serviceId,
      int openSlots,
      int waitlistLength,
      Integer estimatedWaitDays,
      String reportedBy,
      Instant at,
      Integer expectedVersion) {
    int rows =
        jdbc.sql(
                "INSERT INTO directory_capacity (service_id, open_slots, waitlist_length,"
                    + " estimated_wait_days, updated_at, updated_by, version)"
                    + " VALUES (:id, :open, :waitlist, :wait, :at, :by, 1)"
                    + " ON CONFLICT (service_id) DO UPDATE SET open_slots = excluded.open_slots,"
                    + " waitlist_length = excluded.waitlist_length,"
                    + " estimated_wait_days = excluded.estimated_wait_days,"
                    + " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
                    + " version = directory_capacity.version + 1"
                    + " WHERE CAST(:expected AS INTEGER) IS NULL"
                    + " OR directory_capacity.version = :expected")
            .param("id", serviceId)
            .param("open", openSlots)
            .param("waitlist", waitlistLength)
            .param("wait", estimatedWaitDays)
            .param("at", Timestamp.from(at))
            .param("by", reportedBy)
            .param("expected", expectedVersion)
            .update();
    if (rows == 0) {
      throw new OptimisticLockingFailureException(
          "The capacity of service " + serviceId + " was updated by someone else");
    }
    jdbc.sql(
            "INSERT INTO directory_capacity_history (service_id, open_slots, waitlist_length,"
                + " estimated_wait_days, reported_at, reported_by) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            serviceId, openSlots, waitlistLength, estimatedWaitDays, Timestamp.from(at), reportedBy)
        .update();
    return find(serviceId).orElseThrow();
  }

  /** The history of a service's capacity, newest first. */
  public List<Capacity> history(UUID serviceId, int limit) {
    return jdbc.sql(
            "SELECT service_id, open_slots, waitlist_length, estimated_wait_days, reported_at,"
                + " reported_by FROM directory_capacity_history WHERE service_id = ?"
                + " ORDER BY reported_at DESC, id DESC LIMIT ?")
        .params(serviceId, limit)
        .query(
            (rs, n) ->
                new Capacity(
                    rs.getObject(1, UUID.class),
                    rs.getInt(2),
                    rs.getInt(3),
                    (Integer) rs.getObject(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    0))
        .list();
  }

  public List<Capacity> findAll(Collection<UUID> serviceIds) {
    return jdbc.sql(
            "SELECT service_id, open_slots, waitlist_length, estimated_wait_days, updated_at,"
                + " updated_by, version FROM directory_capacity WHERE service_id = ANY(?)")
        .param(serviceIds.toArray(UUID[]::new))
        .query(
            (rs, n) ->
                new Capacity(
                    rs.getObject(1, UUID.class),
                    rs.getInt(2),
                    rs.getInt(3),
                    (Integer) rs.getObject(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    rs.getInt(7)))
        .list();
  }
}
