package org.bridgeway.consent.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.emergency.EmergencyGrantId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every permitted disclosure of health and Part 2 data (§2.25 accounting). */
@Repository
public class DisclosureLog {

  /**
   * One disclosure.
   *
   * @param disclosedTo actor reference of the recipient
   * @param directive the directive that permitted it, or null under an emergency grant
   * @param emergencyGrant the emergency grant that permitted it, or null
   */
  public record Disclosure(
      UUID id,
      PersonId person,
      OrganizationId discloser,
      OrganizationId recipientOrganization,
      UserId recipientUser,
      String disclosedTo,
      InformationCategory category,
      DisclosurePurpose purpose,
      Sensitivity sensitivity,
      ConsentDirectiveId directive,
      EmergencyGrantId emergencyGrant,
      String records,
      Instant disclosedAt) {}

  private final JdbcClient jdbc;

  DisclosureLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID record(
      BridgewayPrincipal recipient,
      DisclosureRequest request,
      ConsentDirectiveId directive,
      EmergencyGrantId grant,
      String records,
      Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO consent_disclosure (id, person_id, discloser_id, recipient_organization_id,
              recipient_user_id, disclosed_by, category, purpose, sensitivity, directive_id,
              emergency_grant_id, records, disclosed_at)
            VALUES (:id, :person, :discloser, :organization, :user, :by, :category, :purpose,
              :sensitivity, :directive, :grant, :records, :at)
            """)
        .param("id", id)
        .param("person", request.person().value())
        .param("discloser", request.discloser().value())
        .param("organization", recipient.organization().value())
        .param("user", recipient.user() == null ? null : recipient.user().value())
        .param("by", recipient.reference())
        .param("category", request.category().name())
        .param("purpose", request.purpose().name())
        .param("sensitivity", request.sensitivity().name())
        .param("directive", directive == null ? null : directive.value())
        .param("grant", grant == null ? null : grant.value())
        .param("records", records)
        .param("at", Timestamp.from(at))
        .update();
    return id;
  }

  /** A person's disclosures since a moment, newest first. */
  public List<Disclosure> ofPerson(PersonId person, Instant since) {
    return jdbc.sql(
            """
            SELECT id, person_id, discloser_id, recipient_organization_id, recipient_user_id,
              disclosed_by, category, purpose, sensitivity, directive_id, emergency_grant_id,
              records, disclosed_at
            FROM consent_disclosure WHERE person_id = :person AND disclosed_at >= :since
            ORDER BY disclosed_at DESC, id
            """)
        .param("person", person.value())
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) -> {
              UUID user = rs.getObject("recipient_user_id", UUID.class);
              UUID directive = rs.getObject("directive_id", UUID.class);
              UUID grant = rs.getObject("emergency_grant_id", UUID.class);
              return new Disclosure(
                  rs.getObject("id", UUID.class),
                  new PersonId(rs.getObject("person_id", UUID.class)),
                  new OrganizationId(rs.getObject("discloser_id", UUID.class)),
                  new OrganizationId(rs.getObject("recipient_organization_id", UUID.class)),
                  user == null ? null : new UserId(user),
                  rs.getString("disclosed_by"),
                  InformationCategory.valueOf(rs.getString("category")),
                  DisclosurePurpose.valueOf(rs.getString("purpose")),
                  Sensitivity.valueOf(rs.getString("sensitivity")),
                  directive == null ? null : new ConsentDirectiveId(directive),
                  grant == null ? null : new EmergencyGrantId(grant),
                  rs.getString("records"),
                  rs.getTimestamp("disclosed_at").toInstant());
            })
        .list();
  }
}
