package org.bridgeway.consent.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical-emergency (break-glass) access: granted with a required reason for at most {@code
 * bridgeway.consent.emergency-max-hours} (default 24), in force for its invoker only, flagged to
 * the recipient organization's administrators, who review each one.
 */
@Service
public class EmergencyAccess {

  public static final int MAX_REASON = 1000;

  private static final String COLUMNS =
      "id, person_id, organization_id, granted_to, reason, granted_at, expires_at, reviewed_at,"
          + " reviewed_by, review_note, version";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxHours;

  EmergencyAccess(
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      @Value("${bridgeway.consent.emergency-max-hours:24}") int maxHours) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.maxHours = maxHours;
  }

  public int maxHours() {
    return maxHours;
  }

  /**
   * Grants the caller medical-emergency access to a person's protected data.
   *
   * @param hours how long, 1 to {@link #maxHours()}; null for the longest
   * @throws ConsentInputRejected if the reason is missing or too long or the hours out of range
   * @throws NotFoundException if there is no such person
   */
  @Transactional
  public EmergencyGrant grant(
      BridgewayPrincipal principal, PersonId person, String reason, Integer hours) {
    List<FieldViolation> rejected = new ArrayList<>();
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      rejected.add(new FieldViolation("reason", "NotBlank", "give the medical emergency"));
    } else if (text.length() > MAX_REASON) {
      rejected.add(
          new FieldViolation("reason", "Size", "has at most " + MAX_REASON + " characters"));
    }
    int duration = hours == null ? maxHours : hours;
    if (duration < 1 || duration > maxHours) {
      rejected.add(
          new FieldViolation("hours", "Range", "must be between 1 and " + maxHours + " hours"));
    }
    if (!rejected.isEmpty()) {
      throw new ConsentInputRejected(rejected);
    }
    // To the microsecond the database keeps, so the grant is in force from the moment it is given.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    EmergencyGrant grant =
        new EmergencyGrant(
            EmergencyGrantId.random(),
            person,
            principal.organization(),
            principal.reference(),
            text,
            now,
            now.plus(Duration.ofHours(duration)),
            null,
            null,
            null,
            0);
    try {
      jdbc.sql(
              """
              INSERT INTO consent_emergency_grant (id, person_id, organization_id, granted_to,
                reason, granted_at, expires_at, version)
              VALUES (:id, :person, :organization, :to, :reason, :at, :expires, 0)
              """)
          .param("id", grant.id().value())
          .param("person", person.value())
          .param("organization", grant.organization().value())
          .param("to", grant.grantedTo())
          .param("reason", text)
          .param("at", Timestamp.from(now))
          .param("expires", Timestamp.from(grant.expiresAt()))
          .update();
    } catch (DataIntegrityViolationException noSuchPerson) {
      throw new NotFoundException("person");
    }
    audit.record(
        AuditEvent.success("consent.emergency.grant")
            .withRecord("consent-emergency-grant", grant.id().value())
            .withPerson(person.value())
            .withDetail("hours", Integer.toString(duration)));
    return grant;
  }

  /**
   * The organization's emergency grants for its administrators' review: those not reviewed yet, or
   * all of them, newest first.
   */
  @Transactional
  public List<EmergencyGrant> forReview(BridgewayPrincipal principal, boolean includeReviewed) {
    audit.record(
        AuditEvent.success("consent.emergency.review-list")
            .withRecord("organization", principal.organization().value()));
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM consent_emergency_grant WHERE organization_id = :organization"
                + (includeReviewed ? "" : " AND reviewed_at IS NULL")
                + " ORDER BY granted_at DESC, id")
        .param("organization", principal.organization().value())
        .query(EmergencyAccess::map)
        .list();
  }

  /**
   * Marks a grant reviewed.
   *
   * @throws NotFoundException if there is no such grant of the caller's organization
   * @throws DomainRuleViolation if it was reviewed already
   * @throws OptimisticLockingFailureException if the version is stale
   */
  @Transactional
  public EmergencyGrant review(
      BridgewayPrincipal principal, EmergencyGrantId id, String note, long version) {
    EmergencyGrant grant =
        find(id)
            .filter(g -> g.organization().equals(principal.organization()))
            .orElseThrow(() -> new NotFoundException("emergency access grant"));
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > MAX_REASON) {
      throw ConsentInputRejected.of("note", "Size", "has at most " + MAX_REASON + " characters");
    }
    if (grant.reviewed()) {
      throw new DomainRuleViolation(
          null, "consent.emergency.reviewed", "The emergency access was reviewed already.");
    }
    int updated =
        jdbc.sql(
                """
                UPDATE consent_emergency_grant SET reviewed_at = :at, reviewed_by = :by,
                  review_note = :note, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("at", Timestamp.from(clock.instant()))
            .param("by", principal.reference())
            .param("note", text)
            .param("id", id.value())
            .param("version", version)
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException(
          "The emergency access was changed by someone else; reload it and try again.");
    }
    audit.record(
        AuditEvent.success("consent.emergency.review")
            .withRecord("consent-emergency-grant", id.value())
            .withPerson(grant.person().value()));
    return find(id).orElseThrow();
  }

  public Optional<EmergencyGrant> find(EmergencyGrantId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM consent_emergency_grant WHERE id = :id")
        .param("id", id.value())
        .query(EmergencyAccess::map)
        .optional();
  }

  /** The grants of an actor in force at a moment for any of the given people, in one query. */
  public List<EmergencyGrant> inForce(String actor, Collection<PersonId> people, Instant at) {
    if (people.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM consent_emergency_grant WHERE person_id = ANY(CAST(:people AS uuid[]))"
                + " AND granted_to = :actor AND granted_at <= :at AND expires_at > :at"
                + " ORDER BY granted_at DESC")
        .param(
            "people",
            people.stream()
                .map(p -> p.value().toString())
                .collect(Collectors.joining(",", "{", "}")))
        .param("actor", actor)
        .param("at", Timestamp.from(at))
        .query(EmergencyAccess::map)
        .list();
  }

  /** A person's grants since a moment, newest first (for the accounting). */
  public List<EmergencyGrant> ofPerson(PersonId person, Instant since) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM consent_emergency_grant WHERE person_id = :person AND granted_at >= :since"
                + " ORDER BY granted_at DESC, id")
        .param("person", person.value())
        .param("since", Timestamp.from(since))
        .query(EmergencyAccess::map)
        .list();
  }

  /** The people among the given ones the actor holds a grant for now. */
  public Set<PersonId> peopleInForce(String actor, Collection<PersonId> people, Instant at) {
    Set<PersonId> result = new HashSet<>();
    inForce(actor, people, at).forEach(g -> result.add(g.person()));
    return result;
  }

  private static EmergencyGrant map(ResultSet rs, int row) throws SQLException {
    Timestamp reviewed = rs.getTimestamp("reviewed_at");
    return new EmergencyGrant(
        new EmergencyGrantId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        new OrganizationId(rs.getObject("organization_id", UUID.class)),
        rs.getString("granted_to"),
        rs.getString("reason"),
        rs.getTimestamp("granted_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        reviewed == null ? null : reviewed.toInstant(),
        rs.getString("reviewed_by"),
        rs.getString("review_note"),
        rs.getLong("version"));
  }
}
