package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.PersonName;
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

  private final JdbcClient jdbc;
  private final CaseloadAccess access;

  SupervisedPeople(JdbcClient jdbc, CaseloadAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** The name and date of birth other modules show at the top of a person's pages. */
  public record PersonHeading(PersonId id, String fullName, LocalDate dateOfBirth) {}

  /**
   * How the person may be reached, as the agency keeps it on the person's record: phone, email, the
   * preferred method ({@code CALL}, {@code TEXT}, {@code EMAIL}, {@code NONE}) and the daily quiet
   * hours (local times, both null for none).
   */
  public record ContactDetails(
      PersonId person,
      OrganizationId agency,
      String phone,
      String email,
      String method,
      java.time.LocalTime quietStart,
      java.time.LocalTime quietEnd) {}

  /**
   * The person's contact details, for modules that contact the person on the agency's behalf
   * (appointment reminders); not audited and not checked against a caller: the caller has checked
   * who may act, and audits its own use.
   */
  @Transactional(readOnly = true)
  public Optional<ContactDetails> contactDetails(PersonId person) {
    return jdbc.sql(
            """
            SELECT id, organization_id, phone, email, contact_method, quiet_hours_start,
              quiet_hours_end
            FROM supervision_person WHERE id = :person
            """)
        .param("person", person.value())
        .query(
            (rs, n) ->
                new ContactDetails(
                    new PersonId(rs.getObject("id", UUID.class)),
                    new OrganizationId(rs.getObject("organization_id", UUID.class)),
                    rs.getString("phone"),
                    rs.getString("email"),
                    rs.getString("contact_method"),
                    rs.getObject("quiet_hours_start", java.time.LocalTime.class),
                    rs.getObject("quiet_hours_end", java.time.LocalTime.class)))
        .optional();
  }

  /**
   * The people whose record gives this phone number, compared by its last ten digits (a U.S. number
   * written with or without +1, spaces, dashes or brackets). For a reply an SMS provider passes on,
   * where no user acts: the caller audits what it does with them.
   *
   * @return the people, none if the number has fewer than ten digits
   */
  @Transactional(readOnly = true)
  public List<PersonId> reachableAt(String phoneNumber) {
    String digits = phoneNumber == null ? "" : phoneNumber.replaceAll("\\D", "");
    if (digits.length() < 10) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT id FROM supervision_person
            WHERE phone IS NOT NULL AND right(regexp_replace(phone, '\\D', '', 'g'), 10) = :digits
            ORDER BY id
            """)
        .param("digits", digits.substring(digits.length() - 10))
        .query((rs, n) -> new PersonId(rs.getObject("id", UUID.class)))
        .list();
  }

  /**
   * The person's heading if the caller sees the person; not audited, for modules that audit their
   * own read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them, alike
   */
  @Transactional(readOnly = true)
  public PersonHeading visibleTo(BridgewayPrincipal principal, PersonId person) {
    // One narrow row instead of the whole person aggregate (aliases, addresses, identifiers): this
    // runs on every referral write and page about a person, and needs only the heading.
    record Row(UUID agency, String given, String middle, String family, LocalDate born) {}
    Row row =
        jdbc.sql(
                """
                SELECT organization_id, given_name, middle_name, family_name, date_of_birth
                  FROM supervision_person WHERE id = :person
                """)
            .param("person", person.value())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
            .optional()
            .filter(found -> access.sees(principal, person, new OrganizationId(found.agency())))
            .orElseThrow(() -> new NotFoundException("person"));
    return new PersonHeading(
        person, new PersonName(row.given(), row.middle(), row.family()).full(), row.born());
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
   * Which of these people the caller sees, in one query: the batch form of {@link #sees}, for
   * modules that ask for every row of a page.
   */
  @Transactional(readOnly = true)
  public Set<PersonId> seenAmong(BridgewayPrincipal principal, Collection<PersonId> candidates) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    return new HashSet<>(
        jdbc.sql(
                "SELECT p.id FROM supervision_person p WHERE p.id = ANY(:people) AND "
                    + CaseloadAccess.VISIBLE)
            .params(scope.parameters())
            .param("people", candidates.stream().map(PersonId::value).toArray(UUID[]::new))
            .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
            .list());
  }

  /**
   * For each of these people whose supervision has ended, the day it ended (see {@link
   * #supervisionEndedOn(PersonId)}); people still supervised or never supervised are left out.
   */
  @Transactional(readOnly = true)
  public Map<PersonId, LocalDate> supervisionEndedOn(Collection<PersonId> candidates) {
    if (candidates.isEmpty()) {
      return Map.of();
    }
    Map<PersonId, LocalDate> ended = new HashMap<>();
    jdbc.sql(
            """
            SELECT person_id, max(closed_on) FROM supervision_case
            WHERE person_id = ANY(:people)
            GROUP BY person_id
            HAVING bool_and(status = 'CLOSED')
            """)
        .param("people", candidates.stream().map(PersonId::value).toArray(UUID[]::new))
        .query(
            (rs, n) ->
                ended.put(
                    new PersonId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)))
        .list();
    return ended;
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

  /**
   * The officers of the person's open cases (usually one), in the order the cases were opened; an
   * alert about the person goes to them.
   */
  @Transactional(readOnly = true)
  public List<UUID> officersOf(PersonId person) {
    return jdbc.sql(
            """
            SELECT officer_id FROM supervision_case
            WHERE person_id = :person AND status = 'OPEN'
            GROUP BY officer_id ORDER BY min(start_date), officer_id
            """)
        .param("person", person.value())
        .query(UUID.class)
        .list();
  }

  /**
   * The supervisor the officer reports to (the agency's teams, ADR 0009), if the officer has one.
   */
  @Transactional(readOnly = true)
  public Optional<UUID> supervisorOf(UUID officer) {
    return jdbc.sql("SELECT supervisor_id FROM supervision_team_member WHERE officer_id = :officer")
        .param("officer", officer)
        .query(UUID.class)
        .optional();
  }

  /**
   * The headings of those of these people the caller sees, in one query: the batch form of {@link
   * #visibleTo}, for pages that list many people's records (alerts); not audited.
   */
  @Transactional(readOnly = true)
  public Map<PersonId, PersonHeading> headingsSeenBy(
      BridgewayPrincipal principal, Collection<PersonId> candidates) {
    if (candidates.isEmpty()) {
      return Map.of();
    }
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    Map<PersonId, PersonHeading> headings = new HashMap<>();
    jdbc.sql(
            "SELECT p.id, p.given_name, p.middle_name, p.family_name, p.date_of_birth"
                + " FROM supervision_person p WHERE p.id = ANY(:people) AND "
                + CaseloadAccess.VISIBLE)
        .params(scope.parameters())
        .param("people", candidates.stream().map(PersonId::value).toArray(UUID[]::new))
        .query(
            (rs, n) -> {
              PersonId id = new PersonId(rs.getObject(1, UUID.class));
              return headings.put(
                  id,
                  new PersonHeading(
                      id,
                      new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)).full(),
                      rs.getObject(5, LocalDate.class)));
            })
        .list();
    return headings;
  }

  /**
   * People by the number their supervising agency gives them (their {@code AGENCY_ID} identifier),
   * among a set of people: for modules whose partners name a person by that number (a provider's
   * upload). Numbers are compared as the agency's own search compares them (case, spaces and dashes
   * ignored); a number may name several people when they are kept by different agencies.
   */
  public record AgencyNumbers(Map<String, List<PersonId>> peopleByKey) {

    public AgencyNumbers {
      Map<String, List<PersonId>> copy = new HashMap<>();
      peopleByKey.forEach((key, people) -> copy.put(key, List.copyOf(people)));
      peopleByKey = Map.copyOf(copy);
    }

    /** The people among those asked about whose agency gives them this number; empty if none. */
    public List<PersonId> peopleNumbered(String number) {
      return peopleByKey.getOrDefault(
          new Identification(IdentifierKind.AGENCY_ID, number).key(), List.of());
    }
  }

  /**
   * The agency numbers of these people, as their supervising agency gave them, in one query; not
   * audited and not checked against a caller: the caller already holds these people's records (a
   * provider's episodes) and only resolves a number it was sent to one of them.
   */
  @Transactional(readOnly = true)
  public AgencyNumbers agencyNumbersOf(Collection<PersonId> candidates) {
    if (candidates.isEmpty()) {
      return new AgencyNumbers(Map.of());
    }
    Map<String, List<PersonId>> byKey = new HashMap<>();
    jdbc.sql(
            """
            SELECT i.value_key, i.person_id FROM supervision_person_identifier i
            JOIN supervision_person p ON p.id = i.person_id
            WHERE i.person_id = ANY(:people) AND i.kind = 'AGENCY_ID'
              AND i.organization_id = p.organization_id
            ORDER BY i.value_key, i.person_id
            """)
        .param("people", candidates.stream().map(PersonId::value).toArray(UUID[]::new))
        .query(
            (rs, n) ->
                byKey
                    .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                    .add(new PersonId(rs.getObject(2, UUID.class))))
        .list();
    return new AgencyNumbers(byKey);
  }

  /**
   * A condition of one of the person's open cases, as other modules see it.
   *
   * @param kind the condition kind's code ({@code TREATMENT}, {@code DRUG_TESTING}...)
   */
  public record ConditionShown(ConditionId id, String kind, String description) {}

  /**
   * The conditions of the person's open cases of these kinds, oldest first; not audited (the caller
   * audits its read, after checking that the caller sees the person).
   */
  @Transactional(readOnly = true)
  public List<ConditionShown> openConditionsOf(PersonId person, Collection<String> kinds) {
    return jdbc.sql(
            """
            SELECT k.id, k.kind, k.description FROM supervision_condition k
            JOIN supervision_case c ON c.id = k.case_id
            WHERE c.person_id = :person AND c.status = 'OPEN' AND k.kind = ANY(:kinds)
            ORDER BY k.created_at, k.id
            """)
        .param("person", person.value())
        .param("kinds", kinds.toArray(String[]::new))
        .query(
            (rs, n) ->
                new ConditionShown(
                    new ConditionId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
        .list();
  }
}
