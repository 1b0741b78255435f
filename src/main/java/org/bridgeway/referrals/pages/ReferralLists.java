package org.bridgeway.referrals.pages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.InboxFilter;
import org.bridgeway.referrals.lifecycle.ReferralSummary;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists the pages need beyond the service's: the referrer's list by the filters of the "My
 * referrals" page and a person's referrals, and the counts of the provider inbox's tabs. Reads
 * only, under the same rules as the service (the agency's referrals about people the caller sees;
 * the provider's referrals sent to its organization), audited with ids and counts only.
 */
@Service
class ReferralLists {

  /** The filters of the referrer's list. */
  enum Filter {
    OPEN,
    AWAITING_ANSWER,
    OVERDUE,
    FOLLOW_UP_DUE,
    DRAFTS,
    CLOSED,
    ALL
  }

  private static final String OPEN_STATES =
      "('SENT','ACCEPTED','WAITLISTED','INTAKE_SCHEDULED','IN_PROGRESS')";

  private final JdbcClient jdbc;
  private final SupervisedPeople people;
  private final AuditTrail audit;
  private final Clock clock;

  ReferralLists(JdbcClient jdbc, SupervisedPeople people, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The caller's own referrals (or, with {@code mine} false, the agency's about people the caller
   * sees), newest first.
   */
  @Transactional
  public PageResponse<ReferralSummary> referrer(
      BridgewayPrincipal principal, Filter filter, boolean mine, PageQuery page) {
    List<UUID> seen = seen(principal);
    Map<String, Object> params = new HashMap<>();
    params.put("agency", principal.organization().value());
    params.put("people", seen.toArray(UUID[]::new));
    params.put("owner", principal.user() == null ? new UUID(0, 0) : principal.user().value());
    String where =
        "r.referring_organization_id = :agency AND r.person_id = ANY(:people)"
            + (mine ? " AND r.referring_officer_id = :owner" : "")
            + " AND "
            + condition(filter, params);
    PageResponse<ReferralSummary> found = page(where, params, page);
    audit.record(
        AuditEvent.success("referrals.referral.list")
            .withDetail("scope", mine ? "mine" : "agency")
            .withDetail("filter", filter.name())
            .withDetail("count", Integer.toString(found.items().size())));
    return found;
  }

  /**
   * A person's referrals by the caller's agency, newest first; 404 if the caller does not see them.
   */
  @Transactional
  public PersonReferrals ofPerson(
      BridgewayPrincipal principal, PersonId person, Filter filter, PageQuery page) {
    PersonHeading heading = people.visibleTo(principal, person);
    Map<String, Object> params = new HashMap<>();
    params.put("agency", principal.organization().value());
    params.put("person", person.value());
    String where =
        "r.referring_organization_id = :agency AND r.person_id = :person AND "
            + condition(filter, params);
    PageResponse<ReferralSummary> found = page(where, params, page);
    audit.record(
        AuditEvent.success("referrals.referral.list")
            .withPerson(person.value())
            .withDetail("scope", "person")
            .withDetail("filter", filter.name())
            .withDetail("count", Integer.toString(found.items().size())));
    return new PersonReferrals(heading, found);
  }

  /** A person's heading and referrals. */
  record PersonReferrals(PersonHeading person, PageResponse<ReferralSummary> referrals) {}

  /** How many referrals of the provider each inbox tab holds. */
  @Transactional(readOnly = true)
  public Map<InboxFilter, Long> inboxCounts(BridgewayPrincipal principal) {
    Map<InboxFilter, Long> counts = new EnumMap<>(InboxFilter.class);
    jdbc.sql(
            """
            SELECT
              count(*) FILTER (WHERE state = 'SENT' AND assigned_caseworker_id IS NULL),
              count(*) FILTER (WHERE state = 'SENT' AND NOT overdue AND remind_at <= :now),
              count(*) FILTER (WHERE state = 'SENT' AND overdue),
              count(*) FILTER (WHERE state IN %s AND assigned_caseworker_id = :me),
              count(*) FILTER (WHERE state = 'WAITLISTED'),
              count(*) FILTER (WHERE state IN %s)
            FROM referral
            WHERE provider_organization_id = :provider AND NOT off_platform AND state <> 'DRAFT'
            """
                .formatted(OPEN_STATES, OPEN_STATES))
        .param("provider", principal.organization().value())
        .param("me", principal.user() == null ? new UUID(0, 0) : principal.user().value())
        .param("now", Timestamp.from(clock.instant()))
        .query(
            (rs, n) -> {
              InboxFilter[] order = InboxFilter.values();
              for (int i = 0; i < order.length; i++) {
                counts.put(order[i], rs.getLong(i + 1));
              }
              return counts;
            })
        .single();
    return counts;
  }

  private List<UUID> seen(BridgewayPrincipal principal) {
    List<PersonId> referred =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM referral WHERE referring_organization_id = :agency")
            .param("agency", principal.organization().value())
            .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
            .list();
    return people.seenAmong(principal, referred).stream().map(PersonId::value).toList();
  }

  private String condition(Filter filter, Map<String, Object> params) {
    params.put("today", LocalDate.now(clock));
    return switch (filter) {
      case OPEN -> "r.state IN " + OPEN_STATES;
      case AWAITING_ANSWER -> "r.state = 'SENT'";
      case OVERDUE -> "r.state = 'SENT' AND r.overdue";
      case FOLLOW_UP_DUE ->
          "r.off_platform AND r.state IN " + OPEN_STATES + " AND r.follow_up_due <= :today";
      case DRAFTS -> "r.state = 'DRAFT'";
      case CLOSED -> "r.state IN ('DECLINED','COMPLETED','ENDED_EARLY','WITHDRAWN')";
      case ALL -> "TRUE";
    };
  }

  private PageResponse<ReferralSummary> page(
      String where, Map<String, Object> params, PageQuery page) {
    params.put("now", Timestamp.from(clock.instant()));
    long total =
        jdbc.sql("SELECT count(*) FROM referral r WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<ReferralSummary> rows =
        jdbc.sql(
                """
                SELECT r.id, r.version, r.state, r.person_id, r.person_name, r.service_name,
                  r.provider_organization_id, r.off_platform, r.off_platform_provider,
                  r.need_domain, r.urgency, r.created_at, r.sent_at, r.respond_by, r.overdue,
                  (r.state = 'SENT' AND NOT r.overdue AND r.remind_at <= :now) AS due_soon,
                  r.assigned_caseworker_id, r.follow_up_due
                FROM referral r WHERE %s
                ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset
                """
                    .formatted(where))
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query((rs, n) -> summary(rs))
            .list();
    return PageResponse.of(rows, page, total);
  }

  private static ReferralSummary summary(ResultSet rs) throws SQLException {
    UUID provider = rs.getObject("provider_organization_id", UUID.class);
    UUID caseworker = rs.getObject("assigned_caseworker_id", UUID.class);
    return new ReferralSummary(
        new ReferralId(rs.getObject("id", UUID.class)),
        rs.getLong("version"),
        ReferralState.valueOf(rs.getString("state")),
        new PersonId(rs.getObject("person_id", UUID.class)),
        rs.getString("person_name"),
        rs.getString("service_name"),
        provider == null ? null : new OrganizationId(provider),
        rs.getBoolean("off_platform"),
        rs.getString("off_platform_provider"),
        NeedDomain.valueOf(rs.getString("need_domain")),
        Urgency.valueOf(rs.getString("urgency")),
        instant(rs, "created_at"),
        instant(rs, "sent_at"),
        instant(rs, "respond_by"),
        rs.getBoolean("overdue"),
        rs.getBoolean("due_soon"),
        caseworker == null ? null : new UserId(caseworker),
        rs.getObject("follow_up_due", LocalDate.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
