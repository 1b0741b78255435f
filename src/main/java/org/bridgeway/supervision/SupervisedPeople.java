package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about a person on supervision: whether a user sees the person (the
 * caseload rule of ADR 0009), the heading to show on their pages, and when supervision ended (an
 * expiry event of consent directives).
 */
@Service
public class SupervisedPeople {

  private final PersonRecords people;
  private final JdbcClient jdbc;
  private final CaseloadAccess access;

  SupervisedPeople(PersonRecords people, JdbcClient jdbc, CaseloadAccess access) {
    this.people = people;
    this.jdbc = jdbc;
    this.access = access;
  }

  /** The name and date of birth other modules show at the top of a person's pages. */
  public record PersonHeading(PersonId id, String fullName, LocalDate dateOfBirth) {}

  /**
   * The person's heading if the caller sees the person; not audited, for modules that audit their
   * own read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them, alike
   */
  @Transactional(readOnly = true)
  public PersonHeading visibleTo(BridgewayPrincipal principal, PersonId person) {
    Person found = people.visible(principal, person);
    return new PersonHeading(
        found.id(), found.details().name().full(), found.details().dateOfBirth());
  }

  /**
   * Whether the caller sees the person, without telling a missing person from a hidden one. Throws
   * nothing, so that asking inside a caller's transaction never marks it for rollback (the consent
   * engine asks it for recipients who do not see the person).
   */
  @Transactional(readOnly = true)
  public boolean sees(BridgewayPrincipal principal, PersonId person) {
    return jdbc.sql("SELECT organization_id FROM supervision_person WHERE id = :person")
        .param("person", person.value())
        .query(UUID.class)
        .optional()
        .map(agency -> access.sees(principal, person, new OrganizationId(agency)))
        .orElse(false);
  }

  /**
   * The day supervision ended: the latest closing day of the person's cases when none is open;
   * empty while a case is open or when the person never had one.
   */
  @Transactional(readOnly = true)
  public Optional<LocalDate> supervisionEndedOn(PersonId person) {
    return jdbc.sql(
            """
            SELECT max(closed_on) FROM supervision_case
            WHERE person_id = :person
            HAVING count(*) > 0 AND bool_and(status = 'CLOSED')
            """)
        .param("person", person.value())
        .query(LocalDate.class)
        .optional();
  }
}
