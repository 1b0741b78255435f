package org.bridgeway.supervision.contact;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where cases stand with their contact standard, for many cases in one SQL query: the caseload
 * page's columns (next contact due, overdue, open violations of the last 90 days) and the overdue
 * lists. Only cases the caller sees ({@link CaseloadAccess}) are answered; the caller audits what
 * it shows. The due date is {@link ContactStandard#nextDue} over the agency's standard for the
 * case's level; closed cases have none.
 */
@Service
public class ContactStatusQuery {

  /** How far back a violation counts as recent on the caseload page. */
  public static final int RECENT_VIOLATION_DAYS = 90;

  /**
   * Where a case stands.
   *
   * @param nextContactDue null for a closed case
   * @param dueInTheCommunity whether the contact due must be a home or field contact
   * @param openViolations violations of the last 90 days that have no response yet
   */
  public record CaseContactStatus(
      CaseId supervisionCase,
      PersonId person,
      UserId officer,
      SupervisionLevel level,
      LocalDate nextContactDue,
      boolean dueInTheCommunity,
      boolean overdue,
      int openViolations) {}

  private static final String SELECT =
      """
      SELECT c.id, c.person_id, c.officer_id, c.level, c.status, c.start_date,
        s.contacts, s.period_days, s.field_every_days, s.level AS standard_level,
        ARRAY(SELECT (k.happened_at AT TIME ZONE :zone)::date FROM supervision_contact k
              WHERE k.case_id = c.id AND k.outcome = 'COMPLETED' AND k.happened_at < :asOfEnd
              ORDER BY k.happened_at DESC LIMIT 10) AS completed,
        (SELECT max(k.happened_at) FROM supervision_contact k
         WHERE k.case_id = c.id AND k.outcome = 'COMPLETED' AND k.kind IN ('HOME', 'FIELD')
           AND k.happened_at < :asOfEnd) AS last_in_community,
        (SELECT count(*) FROM supervision_violation v
         WHERE v.case_id = c.id AND v.occurred_on > :recentFrom AND v.occurred_on <= :asOf
           AND NOT EXISTS (SELECT 1 FROM supervision_violation_response r
                           WHERE r.violation_id = v.id)) AS open_violations
      FROM supervision_case c
      JOIN supervision_person p ON p.id = c.person_id
      LEFT JOIN supervision_contact_standard s
        ON s.organization_id = c.organization_id AND s.level = c.level
      WHERE\s""";

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ContactStatusQuery(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  /**
   * The status of each of the cases the caller sees; cases the caller does not see (or that do not
   * exist) are left out.
   */
  @Transactional(readOnly = true)
  public Map<CaseId, CaseContactStatus> statusOf(
      BridgewayPrincipal principal, Collection<CaseId> cases, LocalDate asOf) {
    Map<CaseId, CaseContactStatus> statuses = new LinkedHashMap<>();
    if (cases.isEmpty()) {
      return statuses;
    }
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    List<UUID> ids = cases.stream().map(CaseId::value).distinct().toList();
    jdbc.sql(SELECT + "c.id IN (:ids) AND " + CaseloadAccess.VISIBLE)
        .params(scope.parameters())
        .params(dates(asOf))
        .param("ids", ids)
        .query((rs, n) -> status(rs, asOf))
        .list()
        .forEach(status -> statuses.put(status.supervisionCase(), status));
    return statuses;
  }

  /**
   * The open cases of the caller's caseload (a supervisor's: theirs and their team's; an
   * administrator's: the agency's) whose next contact was due before the day, most overdue first.
   */
  @Transactional(readOnly = true)
  public List<CaseContactStatus> overdue(BridgewayPrincipal principal, LocalDate asOf) {
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    List<CaseContactStatus> overdue = new ArrayList<>();
    jdbc
        .sql(
            SELECT
                + "c.status = 'OPEN' AND c.organization_id = :scopeAgency AND ("
                + ":scopeAll OR c.officer_id = :scopeUser OR (:scopeSupervisor AND c.officer_id IN"
                + " (SELECT t.officer_id FROM supervision_team_member t WHERE t.supervisor_id ="
                + " :scopeUser))) AND "
                + CaseloadAccess.VISIBLE)
        .params(scope.parameters())
        .params(dates(asOf))
        .query((rs, n) -> status(rs, asOf))
        .list()
        .stream()
        .filter(CaseContactStatus::overdue)
        .sorted(Comparator.comparing(CaseContactStatus::nextContactDue))
        .forEach(overdue::add);
    return overdue;
  }

  private Map<String, Object> dates(LocalDate asOf) {
    return Map.of(
        "zone", zone.getId(),
        "asOf", Date.valueOf(asOf),
        "asOfEnd", Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant()),
        "recentFrom", Date.valueOf(asOf.minusDays(RECENT_VIOLATION_DAYS)));
  }

  private CaseContactStatus status(ResultSet rs, LocalDate asOf) throws SQLException {
    SupervisionLevel level = SupervisionLevel.valueOf(rs.getString("level"));
    boolean open = "OPEN".equals(rs.getString("status"));
    ContactStandard.Due due = null;
    if (open) {
      ContactStandard standard;
      if (rs.getString("standard_level") == null) {
        standard = ContactStandard.defaultFor(level);
      } else {
        Integer field = rs.getObject("field_every_days", Integer.class);
        standard =
            new ContactStandard(level, rs.getInt("contacts"), rs.getInt("period_days"), field);
      }
      List<LocalDate> completed = new ArrayList<>();
      Array array = rs.getArray("completed");
      if (array != null) {
        for (Object day : (Object[]) array.getArray()) {
          completed.add(((Date) day).toLocalDate());
        }
      }
      Timestamp lastInCommunity = rs.getTimestamp("last_in_community");
      due =
          standard.nextDue(
              rs.getDate("start_date").toLocalDate(),
              completed,
              lastInCommunity == null
                  ? null
                  : lastInCommunity.toInstant().atZone(zone).toLocalDate());
    }
    return new CaseContactStatus(
        new CaseId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        new UserId(rs.getObject("officer_id", UUID.class)),
        level,
        due == null ? null : due.date(),
        due != null && due.inTheCommunity(),
        due != null && due.overdueOn(asOf),
        rs.getInt("open_violations"));
  }
}
