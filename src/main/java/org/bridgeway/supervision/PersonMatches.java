package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.NameKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds an agency's people by what other systems know of them, for modules that match records sent
 * from outside (outcome events from court, police and employment data) to people on supervision: by
 * id, by the agency's own number, or by name and date of birth. Always within one agency; merged
 * records are never matched (their survivor is). Not audited and not checked against a caller: the
 * caller acts for the agency and audits its own use.
 */
@Service
public class PersonMatches {

  /**
   * What a module keeping its own copy of the person needs: the agency, date of birth and the
   * agency's own number for the person (its AGENCY_ID identifier), null when it has none.
   */
  public record PlatformPerson(
      PersonId id, OrganizationId agency, LocalDate dateOfBirth, String agencyNumber) {}

  /** A name and date of birth as another system sent them. */
  public record NameAndBirth(String familyName, String givenName, LocalDate dateOfBirth) {

    /** The form compared: folded names (accents, case, punctuation) and the date. */
    NameAndBirth folded() {
      return new NameAndBirth(NameKeys.key(familyName), NameKeys.key(givenName), dateOfBirth);
    }
  }

  private final JdbcClient jdbc;

  PersonMatches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The person's agency, date of birth and agency number; empty for no such (or merged) person. */
  @Transactional(readOnly = true)
  public Optional<PlatformPerson> platformPerson(PersonId person) {
    return jdbc.sql(
            """
            SELECT p.id, p.organization_id, p.date_of_birth,
              (SELECT i.value FROM supervision_person_identifier i
                WHERE i.person_id = p.id AND i.kind = 'AGENCY_ID' ORDER BY i.position LIMIT 1)
            FROM supervision_person p WHERE p.id = :person AND p.merged_into_id IS NULL
            """)
        .param("person", person.value())
        .query(
            (rs, n) ->
                new PlatformPerson(
                    new PersonId(rs.getObject(1, UUID.class)),
                    new OrganizationId(rs.getObject(2, UUID.class)),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4)))
        .optional();
  }

  /** Which of these ids are people of the agency (not merged), with their details. */
  @Transactional(readOnly = true)
  public Map<PersonId, PlatformPerson> ofAgency(OrganizationId agency, Collection<UUID> ids) {
    Map<PersonId, PlatformPerson> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            SELECT p.id, p.date_of_birth,
              (SELECT i.value FROM supervision_person_identifier i
                WHERE i.person_id = p.id AND i.kind = 'AGENCY_ID' ORDER BY i.position LIMIT 1)
            FROM supervision_person p
            WHERE p.id = ANY(:ids) AND p.organization_id = :agency AND p.merged_into_id IS NULL
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .param("agency", agency.value())
        .query(
            (rs, n) -> {
              PersonId id = new PersonId(rs.getObject(1, UUID.class));
              return found.put(
                  id,
                  new PlatformPerson(
                      id, agency, rs.getObject(2, LocalDate.class), rs.getString(3)));
            })
        .list();
    return found;
  }

  /**
   * The agency's people with these agency numbers (AGENCY_ID identifiers, compared without case,
   * spaces or dashes), keyed by the number as given.
   */
  @Transactional(readOnly = true)
  public Map<String, PersonId> byAgencyNumber(OrganizationId agency, Collection<String> numbers) {
    Map<String, List<String>> byKey = new HashMap<>();
    for (String number : numbers) {
      byKey
          .computeIfAbsent(
              new Identification(IdentifierKind.AGENCY_ID, number).key(), k -> new ArrayList<>())
          .add(number);
    }
    Map<String, PersonId> found = new HashMap<>();
    if (byKey.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            SELECT i.value_key, p.id FROM supervision_person_identifier i
            JOIN supervision_person p ON p.id = i.person_id
            WHERE i.organization_id = :agency AND i.kind = 'AGENCY_ID'
              AND i.value_key = ANY(:keys) AND p.merged_into_id IS NULL
            """)
        .param("agency", agency.value())
        .param("keys", byKey.keySet().toArray(String[]::new))
        .query(
            (rs, n) -> {
              PersonId id = new PersonId(rs.getObject(2, UUID.class));
              byKey.getOrDefault(rs.getString(1), List.of()).forEach(given -> found.put(given, id));
              return id;
            })
        .list();
    return found;
  }

  /**
   * The agency's people with each of these names and dates of birth (names folded as supervision
   * compares them): none, one, or several when the match is ambiguous.
   */
  @Transactional(readOnly = true)
  public Map<NameAndBirth, List<PersonId>> byNameAndBirth(
      OrganizationId agency, Collection<NameAndBirth> wanted) {
    Map<NameAndBirth, List<NameAndBirth>> byFolded = new HashMap<>();
    for (NameAndBirth key : wanted) {
      byFolded.computeIfAbsent(key.folded(), k -> new ArrayList<>()).add(key);
    }
    Map<NameAndBirth, List<PersonId>> found = new HashMap<>();
    wanted.forEach(key -> found.put(key, new ArrayList<>()));
    String[] dates =
        wanted.stream()
            .map(NameAndBirth::dateOfBirth)
            .filter(Objects::nonNull)
            .distinct()
            .map(LocalDate::toString)
            .toArray(String[]::new);
    if (dates.length == 0) {
      return found;
    }
    jdbc.sql(
            """
            SELECT id, family_name_key, given_name_key, date_of_birth FROM supervision_person
            WHERE organization_id = :agency AND date_of_birth = ANY(CAST(:dates AS DATE[]))
              AND merged_into_id IS NULL
            """)
        .param("agency", agency.value())
        .param("dates", dates)
        .query(
            (rs, n) -> {
              NameAndBirth folded =
                  new NameAndBirth(
                      rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
              PersonId id = new PersonId(rs.getObject(1, UUID.class));
              byFolded.getOrDefault(folded, List.of()).forEach(key -> found.get(key).add(id));
              return id;
            })
        .list();
    return found;
  }
}
