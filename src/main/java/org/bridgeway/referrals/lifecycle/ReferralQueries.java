package org.bridgeway.referrals.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists of referrals read with SQL: the referrer's lists, the provider inbox, due deadlines. */
@Repository
class ReferralQueries {

  private static final String COLUMNS =
      """
      r.id, r.version, r.state, r.person_id, r.person_name, r.service_name,
      r.provider_organization_id, r.off_platform, r.off_platform_provider, r.need_domain,
      r.urgency, r.created_at, r.sent_at, r.respond_by, r.overdue,
      (r.state = 'SENT' AND NOT r.overdue AND r.remind_at <= :now) AS due_soon,
      r.assigned_caseworker_id, r.follow_up_due
      """;

  private static final String OPEN =
      "('SENT','ACCEPTED','WAITLISTED','INTAKE_SCHEDULED','IN_PROGRESS')";

  private final JdbcClient jdbc;

  ReferralQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The distinct people the agency's referrals are about (to ask who the caller sees). */
  List<PersonId> peopleReferredBy(OrganizationId agency) {
    return jdbc.sql("SELECT DISTINCT person_id FROM referral WHERE referring_organization_id = :a")
        .param("a", agency.value())
        .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
        .list();
  }

  /**
   * The agency's referrals about the given people, newest first.
   *
   * @param owner only those this user owns; null for all
   * @param state only in this state; null for all
   * @param expired only those overdue and still unanswered
   */
  PageResponse<ReferralSummary> ofAgency(
      OrganizationId agency,
      Collection<PersonId> people,
      UserId owner,
      ReferralState state,
      boolean expired,
      Instant now,
      PageQuery page) {
    String where =
        "r.referring_organization_id = :agency AND r.person_id = ANY(:people)"
            + (owner == null ? "" : " AND r.referring_officer_id = :owner")
            + (state == null ? "" : " AND r.state = :state")
            + (expired ? " AND r.state = 'SENT' AND r.overdue" : "");
    Map<String, Object> params = new HashMap<>();
    params.put("agency", agency.value());
    params.put("people", people.stream().map(PersonId::value).toArray(UUID[]::new));
    params.put("owner", owner == null ? null : owner.value());
    params.put("state", state == null ? null : state.name());
    params.put("now", Timestamp.from(now));
    return page(where, params, page, true, "r.created_at DESC, r.id");
  }

  /** The provider's referrals in one of the inbox's views, never drafts; deadline first. */
  PageResponse<ReferralSummary> inbox(
      OrganizationId provider, InboxFilter filter, UserId me, Instant now, PageQuery page) {
    String where =
        "r.provider_organization_id = :provider AND NOT r.off_platform AND r.state <> 'DRAFT' AND "
            + switch (filter) {
              case NEW -> "r.state = 'SENT' AND r.assigned_caseworker_id IS NULL";
              case DUE_SOON -> "r.state = 'SENT' AND NOT r.overdue AND r.remind_at <= :now";
              case OVERDUE -> "r.state = 'SENT' AND r.overdue";
              case ASSIGNED_TO_ME -> "r.state IN " + OPEN + " AND r.assigned_caseworker_id = :me";
              case WAITLISTED -> "r.state = 'WAITLISTED'";
              case OPEN -> "r.state IN " + OPEN;
            };
    Map<String, Object> params = new HashMap<>();
    params.put("provider", provider.value());
    params.put("me", me == null ? null : me.value());
    params.put("now", Timestamp.from(now));
    return page(where, params, page, false, "r.respond_by NULLS LAST, r.sent_at, r.id");
  }

  /** The provider's expired referrals: overdue and still unanswered. */
  PageResponse<ReferralSummary> expiredAt(OrganizationId provider, Instant now, PageQuery page) {
    Map<String, Object> params = new HashMap<>();
    params.put("provider", provider.value());
    params.put("now", Timestamp.from(now));
    return page(
        "r.provider_organization_id = :provider AND r.state = 'SENT' AND r.overdue",
        params,
        page,
        false,
        "r.respond_by, r.id");
  }

  /** Referrals awaiting an answer whose reminder is due and not yet sent. */
  List<ReferralId> dueForReminder(Instant now) {
    return jdbc.sql(
            "SELECT id FROM referral WHERE state = 'SENT' AND NOT off_platform"
                + " AND reminded_at IS NULL AND remind_at <= :now AND NOT overdue ORDER BY remind_at")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** Referrals awaiting an answer past their deadline, not yet flagged overdue. */
  List<ReferralId> dueForOverdue(Instant now) {
    return jdbc.sql(
            "SELECT id FROM referral WHERE state = 'SENT' AND NOT off_platform AND NOT overdue"
                + " AND respond_by <= :now ORDER BY respond_by")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class)))
        .list();
  }

  private PageResponse<ReferralSummary> page(
      String where, Map<String, Object> params, PageQuery page, boolean withPerson, String order) {
    long total =
        jdbc.sql("SELECT count(*) FROM referral r WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<ReferralSummary> rows =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM referral r WHERE "
                    + where
                    + " ORDER BY "
                    + order
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query((rs, n) -> summary(rs, withPerson))
            .list();
    return PageResponse.of(rows, page, total);
  }

  private static ReferralSummary summary(ResultSet rs, boolean withPerson) throws SQLException {
    UUID provider = rs.getObject("provider_organization_id", UUID.class);
    UUID caseworker = rs.getObject("assigned_caseworker_id", UUID.class);
    return new ReferralSummary(
        new ReferralId(rs.getObject("id", UUID.class)),
        rs.getLong("version"),
        ReferralState.valueOf(rs.getString("state")),
        withPerson ? new PersonId(rs.getObject("person_id", UUID.class)) : null,
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
