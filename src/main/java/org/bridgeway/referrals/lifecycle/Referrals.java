package org.bridgeway.referrals.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All referrals: the aggregate's row and its timeline, written and read with plain SQL (ADR 0017).
 * A save updates the row under its version (a stale one fails with {@link
 * OptimisticLockingFailureException}) and appends only the new timeline entries, then publishes the
 * changes the referral registered, in the caller's transaction. Spring Data JDBC did the same with
 * a fifth of a write's processor time (rendering its statements and rewriting the whole timeline on
 * every save). Lists and the inbox are read with SQL too ({@link ReferralQueries}).
 */
@Repository
public class Referrals {

  private static final String COLUMNS =
      """
      id, person_id, person_name, person_birth_date, referring_organization_id,
      referring_officer_id, created_by, created_at, service_id, service_name,
      provider_organization_id, off_platform, off_platform_provider, off_platform_phone,
      follow_up_due, need_domain, goal_id, reason, history, risk_information, shared_categories,
      consent_directive_id, urgency, preferred_contact, state, sent_at, respond_by, remind_at,
      reminded_at, overdue, overdue_at, responded_at, assigned_caseworker_id, waitlist_until,
      intake_at, intake_mode, intake_place, closing_reason, closing_note, closed_at,
      eligibility_justification, version
      """;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Referrals(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The referral with this id, with its timeline. */
  public Optional<Referral> findById(ReferralId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM referral WHERE id = :id")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional()
        .map(row -> Referral.restore(row, timeline(id)));
  }

  /** Whether a referral with this id exists. */
  public boolean existsById(ReferralId id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM referral WHERE id = :id)")
        .param("id", id.value())
        .query(Boolean.class)
        .single();
  }

  /**
   * Writes the referral: inserted when new, else updated under the version it was read at; its new
   * timeline entries appended; its registered changes published.
   *
   * @return the same referral, at its new version
   * @throws OptimisticLockingFailureException if someone else changed it since it was read
   */
  public Referral save(Referral referral) {
    Referral.Stored row = referral.stored();
    long version;
    if (row.version() == null) {
      version = 0;
      jdbc.sql(
              "INSERT INTO referral ("
                  + COLUMNS
                  + """
                  ) VALUES (:id, :personId, :personName, :personBirthDate,
                  :referringOrganizationId, :referringOfficerId, :createdBy, :createdAt, :serviceId,
                  :serviceName, :providerOrganizationId, :offPlatform, :offPlatformProvider,
                  :offPlatformPhone, :followUpDue, :needDomain, :goalId, :reason, :history,
                  :riskInformation, :sharedCategories, :consentDirectiveId, :urgency,
                  :preferredContact, :state, :sentAt, :respondBy, :remindAt, :remindedAt, :overdue,
                  :overdueAt, :respondedAt, :assignedCaseworkerId, :waitlistUntil, :intakeAt,
                  :intakeMode, :intakePlace, :closingReason, :closingNote, :closedAt,
                  :eligibilityJustification, :version)
                  """)
          .params(parameters(row, version))
          .update();
    } else {
      version = row.version() + 1;
      int updated =
          jdbc.sql(
                  """
                  UPDATE referral SET service_id = :serviceId, service_name = :serviceName,
                      provider_organization_id = :providerOrganizationId,
                      off_platform = :offPlatform, off_platform_provider = :offPlatformProvider,
                      off_platform_phone = :offPlatformPhone, follow_up_due = :followUpDue,
                      need_domain = :needDomain, goal_id = :goalId, reason = :reason,
                      history = :history, risk_information = :riskInformation,
                      shared_categories = :sharedCategories,
                      consent_directive_id = :consentDirectiveId, urgency = :urgency,
                      preferred_contact = :preferredContact, state = :state, sent_at = :sentAt,
                      respond_by = :respondBy, remind_at = :remindAt, reminded_at = :remindedAt,
                      overdue = :overdue, overdue_at = :overdueAt, responded_at = :respondedAt,
                      assigned_caseworker_id = :assignedCaseworkerId,
                      waitlist_until = :waitlistUntil, intake_at = :intakeAt,
                      intake_mode = :intakeMode, intake_place = :intakePlace,
                      closing_reason = :closingReason, closing_note = :closingNote,
                      closed_at = :closedAt, eligibility_justification = :eligibilityJustification,
                      version = :version
                   WHERE id = :id AND version = :readVersion
                  """)
              .params(parameters(row, version))
              .param("readVersion", row.version())
              .update();
      if (updated != 1) {
        throw new OptimisticLockingFailureException(
            "Referral " + row.id().value() + " is no longer at version " + row.version());
      }
    }
    int position = referral.storedTimelineSize();
    for (TimelineEntry entry : referral.unstoredTimeline()) {
      jdbc.sql(
              """
              INSERT INTO referral_timeline_entry (referral_id, position, kind, actor,
                  organization_id, at, codes, note)
              VALUES (:referral, :position, :kind, :actor, :organization, :at, :codes, :note)
              """)
          .param("referral", row.id().value())
          .param("position", position++)
          .param("kind", entry.kind().name())
          .param("actor", entry.actor())
          .param("organization", value(entry.organization(), OrganizationId::value))
          .param("at", timestamp(entry.at()))
          .param("codes", entry.codes())
          .param("note", entry.note())
          .update();
    }
    referral.stored(version);
    for (ReferralChanged change : referral.takeChanges()) {
      events.publishEvent(change);
    }
    return referral;
  }

  private List<TimelineEntry> timeline(ReferralId id) {
    return jdbc.sql(
            """
            SELECT kind, actor, organization_id, at, codes, note FROM referral_timeline_entry
             WHERE referral_id = :id ORDER BY position
            """)
        .param("id", id.value())
        .query(
            (rs, n) ->
                new TimelineEntry(
                    TimelineKind.valueOf(rs.getString("kind")),
                    rs.getString("actor"),
                    id(rs, "organization_id", OrganizationId::new),
                    instant(rs, "at"),
                    rs.getString("codes"),
                    rs.getString("note")))
        .list();
  }

  private static Map<String, Object> parameters(Referral.Stored row, long version) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", row.id().value());
    p.put("personId", row.personId().value());
    p.put("personName", row.personName());
    p.put("personBirthDate", row.personBirthDate());
    p.put("referringOrganizationId", row.referringOrganizationId().value());
    p.put("referringOfficerId", value(row.referringOfficerId(), UserId::value));
    p.put("createdBy", row.createdBy());
    p.put("createdAt", timestamp(row.createdAt()));
    p.put("serviceId", value(row.serviceId(), ServiceId::value));
    p.put("serviceName", row.serviceName());
    p.put("providerOrganizationId", value(row.providerOrganizationId(), OrganizationId::value));
    p.put("offPlatform", row.offPlatform());
    p.put("offPlatformProvider", row.offPlatformProvider());
    p.put("offPlatformPhone", row.offPlatformPhone());
    p.put("followUpDue", row.followUpDue());
    p.put("needDomain", name(row.needDomain()));
    p.put("goalId", row.goalId());
    p.put("reason", row.reason());
    p.put("history", row.history());
    p.put("riskInformation", row.riskInformation());
    p.put("sharedCategories", row.sharedCategories() == null ? "" : row.sharedCategories());
    p.put("consentDirectiveId", value(row.consentDirectiveId(), ConsentDirectiveId::value));
    p.put("urgency", name(row.urgency()));
    p.put("preferredContact", name(row.preferredContact()));
    p.put("state", name(row.state()));
    p.put("sentAt", timestamp(row.sentAt()));
    p.put("respondBy", timestamp(row.respondBy()));
    p.put("remindAt", timestamp(row.remindAt()));
    p.put("remindedAt", timestamp(row.remindedAt()));
    p.put("overdue", row.overdue());
    p.put("overdueAt", timestamp(row.overdueAt()));
    p.put("respondedAt", timestamp(row.respondedAt()));
    p.put("assignedCaseworkerId", value(row.assignedCaseworkerId(), UserId::value));
    p.put("waitlistUntil", row.waitlistUntil());
    p.put("intakeAt", timestamp(row.intakeAt()));
    p.put("intakeMode", name(row.intakeMode()));
    p.put("intakePlace", row.intakePlace());
    p.put("closingReason", row.closingReason());
    p.put("closingNote", row.closingNote());
    p.put("closedAt", timestamp(row.closedAt()));
    p.put("eligibilityJustification", row.eligibilityJustification());
    p.put("version", version);
    return p;
  }

  private static Referral.Stored row(ResultSet rs) throws SQLException {
    return new Referral.Stored(
        new ReferralId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        rs.getString("person_name"),
        rs.getObject("person_birth_date", LocalDate.class),
        new OrganizationId(rs.getObject("referring_organization_id", UUID.class)),
        id(rs, "referring_officer_id", UserId::new),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        id(rs, "service_id", ServiceId::new),
        rs.getString("service_name"),
        id(rs, "provider_organization_id", OrganizationId::new),
        rs.getBoolean("off_platform"),
        rs.getString("off_platform_provider"),
        rs.getString("off_platform_phone"),
        rs.getObject("follow_up_due", LocalDate.class),
        enumOf(rs, "need_domain", NeedDomain::valueOf),
        rs.getObject("goal_id", UUID.class),
        rs.getString("reason"),
        rs.getString("history"),
        rs.getString("risk_information"),
        rs.getString("shared_categories"),
        id(rs, "consent_directive_id", ConsentDirectiveId::new),
        enumOf(rs, "urgency", Urgency::valueOf),
        enumOf(rs, "preferred_contact", PreferredContact::valueOf),
        enumOf(rs, "state", ReferralState::valueOf),
        instant(rs, "sent_at"),
        instant(rs, "respond_by"),
        instant(rs, "remind_at"),
        instant(rs, "reminded_at"),
        rs.getBoolean("overdue"),
        instant(rs, "overdue_at"),
        instant(rs, "responded_at"),
        id(rs, "assigned_caseworker_id", UserId::new),
        rs.getObject("waitlist_until", LocalDate.class),
        instant(rs, "intake_at"),
        enumOf(rs, "intake_mode", IntakeMode::valueOf),
        rs.getString("intake_place"),
        rs.getString("closing_reason"),
        rs.getString("closing_note"),
        instant(rs, "closed_at"),
        rs.getString("eligibility_justification"),
        rs.getLong("version"));
  }

  private static <T> T id(ResultSet rs, String column, Function<UUID, T> wrap) throws SQLException {
    UUID value = rs.getObject(column, UUID.class);
    return value == null ? null : wrap.apply(value);
  }

  private static <T> T enumOf(ResultSet rs, String column, Function<String, T> parse)
      throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : parse.apply(value);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static <T> UUID value(T id, Function<T, UUID> unwrap) {
    return id == null ? null : unwrap.apply(id);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
