package org.bridgeway.directory.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Current capacity per service, and the append-only history of every report. */
@Repository
public class Capacities {

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  Capacities(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
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

  /**
   * Loads many capacity reports at once, past ones included: each goes into the history (unless a
   * report of the same service at the same instant is already there, so loading twice adds
   * nothing), and the newest report of each service becomes its current figure unless a newer one
   * is stored. The bulk path of the data generator: COPY, then two set-based statements. Runs
   * inside the caller's transaction.
   *
   * @param reports the reports, {@link Capacity#updatedAt()} being when each was made; their
   *     versions are ignored
   * @return how many history rows were added
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int loadAll(Collection<Capacity> reports) {
    if (reports.isEmpty()) {
      return 0;
    }
    BulkCopy copy = new BulkCopy();
    for (Capacity report : reports) {
      copy.cell(report.serviceId())
          .cell(report.openSlots())
          .cell(report.waitlistLength())
          .cell(report.estimatedWaitDays())
          .cell(report.updatedAt())
          .cell(report.updatedBy())
          .endRow();
    }
    String columns =
        "service_id, open_slots, waitlist_length, estimated_wait_days, reported_at, reported_by";
    return copy.load(
            dataSource,
            "service_id UUID, open_slots INTEGER, waitlist_length INTEGER,"
                + " estimated_wait_days INTEGER, reported_at TIMESTAMPTZ, reported_by TEXT",
            "directory_capacity_stage",
            columns,
            "INSERT INTO directory_capacity_history ("
                + columns
                + ") SELECT DISTINCT ON (s.service_id, s.reported_at) s.service_id, s.open_slots,"
                + " s.waitlist_length, s.estimated_wait_days, s.reported_at, s.reported_by"
                + " FROM directory_capacity_stage s WHERE NOT EXISTS (SELECT 1 FROM"
                + " directory_capacity_history h WHERE h.service_id = s.service_id"
                + " AND h.reported_at = s.reported_at) ORDER BY s.service_id, s.reported_at",
            "INSERT INTO directory_capacity (service_id, open_slots, waitlist_length,"
                + " estimated_wait_days, updated_at, updated_by, version)"
                + " SELECT DISTINCT ON (service_id) service_id, open_slots, waitlist_length,"
                + " estimated_wait_days, reported_at, reported_by, 1 FROM directory_capacity_stage"
                + " ORDER BY service_id, reported_at DESC"
                + " ON CONFLICT (service_id) DO UPDATE SET open_slots = excluded.open_slots,"
                + " waitlist_length = excluded.waitlist_length,"
                + " estimated_wait_days = excluded.estimated_wait_days,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
                + " version = directory_capacity.version + 1"
                + " WHERE excluded.updated_at > directory_capacity.updated_at")[0];
  }
}
