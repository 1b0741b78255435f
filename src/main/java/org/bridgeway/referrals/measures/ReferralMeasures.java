package org.bridgeway.referrals.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral measures of an organization for a period of sending days: referrals sent, accepted,
 * declined (by reason), waitlisted, still unanswered, overdue, and the median times to the first
 * response and to intake. A referring agency sees them per provider and per officer; a provider
 * sees them per referring agency. Figures count the referrals sent in the period, each with what
 * has happened to it since. Aggregates only: no person appears.
 */
@Service
public class ReferralMeasures {

  /** The longest period one request may cover, in days. */
  public static final int MAX_DAYS = 3 * 366;

  /** Names what a row of figures is about: a provider, an officer or an agency. */
  public enum Grouping {
    PROVIDER,
    OFFICER,
    REFERRING_AGENCY
  }

  /**
   * The figures of one group (or of all, in the total).
   *
   * @param key the id of the provider, officer or agency; null for the total or the referrals
   *     recorded off the platform
   * @param label the name to show; null when unnamed (off the platform, former staff)
   * @param medianHoursToFirstResponse null when no referral was answered
   * @param medianDaysToIntake null when no intake was scheduled
   */
  public record Figures(
      UUID key,
      String label,
      long sent,
      long accepted,
      long declined,
      long waitlisted,
      long unanswered,
      long overdue,
      Double medianHoursToFirstResponse,
      Double medianDaysToIntake) {

    /** Accepted as a share of the referrals answered, from 0 to 1; null when none was answered. */
    public Double acceptanceRate() {
      long answered = sent - unanswered;
      return answered == 0 ? null : (double) accepted / answered;
    }
  }

  /** The measures for one organization and period. */
  public record Report(
      LocalDate from,
      LocalDate to,
      boolean provider,
      Figures total,
      Map<Grouping, List<Figures>> groups,
      Map<String, Long> declinedByReason) {}

  /** A period that cannot be measured, naming the parameter. */
  public static final class PeriodRejected extends RuntimeException {
    private final transient FieldViolation violation;

    PeriodRejected(FieldViolation violation) {
      super(violation.field() + " " + violation.message());
      this.violation = violation;
    }

    public FieldViolation violation() {
      return violation;
    }
  }

  private static final String FIGURES =
      """
      count(*) AS sent,
      count(*) FILTER (WHERE accepted_at IS NOT NULL) AS accepted,
      count(*) FILTER (WHERE declined_at IS NOT NULL) AS declined,
      count(*) FILTER (WHERE waitlisted_at IS NOT NULL) AS waitlisted,
      count(*) FILTER (WHERE first_response_at IS NULL
                       AND (closed_state IS NULL OR closed_state <> 'WITHDRAWN')) AS unanswered,
      count(*) FILTER (WHERE overdue_at IS NOT NULL) AS overdue,
      percentile_cont(0.5) WITHIN GROUP (
          ORDER BY extract(epoch FROM first_response_at - sent_at) / 3600.0)
          FILTER (WHERE first_response_at IS NOT NULL) AS hours_to_response,
      percentile_cont(0.5) WITHIN GROUP (
          ORDER BY extract(epoch FROM intake_at - sent_at) / 86400.0)
          FILTER (WHERE intake_at IS NOT NULL) AS days_to_intake
      """;

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final NetworkOrganizations organizations;
  private final Clock clock;

  ReferralMeasures(
      JdbcClient jdbc, StaffDirectory staff, NetworkOrganizations organizations, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.organizations = organizations;
    this.clock = clock;
  }

  /**
   * The measures of the principal's organization: as the referrer when it is a supervising agency
   * (the organizations that refer), else as the provider.
   *
   * @param from the first sending day (in the application's time zone); null for 90 days ago
   * @param to the last sending day; null for today
   * @throws PeriodRejected when the period is reversed or longer than {@link #MAX_DAYS}
   */
  @Transactional(readOnly = true)
  public Report of(BridgewayPrincipal principal, LocalDate from, LocalDate to) {
    LocalDate today = LocalDate.now(clock);
    LocalDate last = to == null ? today : to;
    LocalDate first = from == null ? last.minusDays(89) : from;
    if (first.isAfter(last)) {
      throw new PeriodRejected(new FieldViolation("from", "Order", "must not be after to"));
    }
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new PeriodRejected(
          new FieldViolation("to", "Range", "must be at most " + MAX_DAYS + " days after from"));
    }
    Instant start = first.atStartOfDay(clock.getZone()).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    OrganizationId organization = principal.organization();
    boolean provider = principal.organizationKind() != OrganizationKind.PROBATION_AGENCY;
    String side = provider ? "provider_organization_id" : "referring_organization_id";
    String where = side + " = :org AND sent_at >= :start AND sent_at < :end";

    Figures total =
        query(
                "SELECT NULL::uuid AS key, " + FIGURES + " FROM referral_measure WHERE " + where,
                organization,
                start,
                end)
            .getFirst();
    Map<Grouping, List<Figures>> groups = new LinkedHashMap<>();
    if (provider) {
      groups.put(
          Grouping.REFERRING_AGENCY,
          named(
              grouped("referring_organization_id", where, organization, start, end),
              this::organizationNames));
    } else {
      groups.put(
          Grouping.PROVIDER,
          named(
              grouped("provider_organization_id", where, organization, start, end),
              this::organizationNames));
      Map<UUID, String> colleagues =
          staff.staffOf(organization).stream()
              .collect(Collectors.toMap(m -> m.id().value(), StaffMember::displayName));
      groups.put(
          Grouping.OFFICER,
          named(
              grouped("referring_officer_id", where, organization, start, end),
              keys -> colleagues));
    }
    Map<String, Long> declined = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT decline_reason, count(*) FROM referral_measure WHERE "
                + where
                + " AND declined_at IS NOT NULL GROUP BY decline_reason ORDER BY 2 DESC, 1")
        .param("org", organization.value())
        .param("start", Timestamp.from(start))
        .param("end", Timestamp.from(end))
        .query(
            (ResultSet rs) -> {
              String reason = rs.getString(1);
              declined.put(reason == null ? "OTHER" : reason, rs.getLong(2));
            });
    return new Report(first, last, provider, total, groups, declined);
  }

  private List<Figures> grouped(
      String column, String where, OrganizationId organization, Instant start, Instant end) {
    return query(
        "SELECT "
            + column
            + " AS key, "
            + FIGURES
            + " FROM referral_measure WHERE "
            + where
            + " GROUP BY "
            + column
            + " ORDER BY sent DESC, key",
        organization,
        start,
        end);
  }

  private List<Figures> query(String sql, OrganizationId organization, Instant start, Instant end) {
    return jdbc.sql(sql)
        .param("org", organization.value())
        .param("start", Timestamp.from(start))
        .param("end", Timestamp.from(end))
        .query((rs, n) -> figures(rs))
        .list();
  }

  private static Figures figures(ResultSet rs) throws SQLException {
    return new Figures(
        rs.getObject("key", UUID.class),
        null,
        rs.getLong("sent"),
        rs.getLong("accepted"),
        rs.getLong("declined"),
        rs.getLong("waitlisted"),
        rs.getLong("unanswered"),
        rs.getLong("overdue"),
        nullable(rs, "hours_to_response"),
        nullable(rs, "days_to_intake"));
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private Map<UUID, String> organizationNames(Set<UUID> keys) {
    return organizations
        .findAll(keys.stream().map(OrganizationId::new).toList())
        .entrySet()
        .stream()
        .collect(Collectors.toMap(e -> e.getKey().value(), e -> e.getValue().name()));
  }

  private static List<Figures> named(
      List<Figures> rows, Function<Set<UUID>, Map<UUID, String>> names) {
    Set<UUID> keys =
        rows.stream().map(Figures::key).filter(k -> k != null).collect(Collectors.toSet());
    Map<UUID, String> labels = names.apply(keys);
    return rows.stream()
        .map(
            f ->
                new Figures(
                    f.key(),
                    f.key() == null ? null : labels.get(f.key()),
                    f.sent(),
                    f.accepted(),
                    f.declined(),
                    f.waitlisted(),
                    f.unanswered(),
                    f.overdue(),
                    f.medianHoursToFirstResponse(),
                    f.medianDaysToIntake()))
        .sorted(Comparator.comparingLong(Figures::sent).reversed())
        .toList();
  }
}
