package org.bridgeway.outcomes.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonMatches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes read model's people as events need them. A person on supervision may get an event
 * before the copy from supervision has reached them: then a minimal row (agency, date of birth, the
 * agency's number) is made here, and the copy fills the demographics later.
 */
@Service
public class OutcomePeople {

  /** A person of the read model as events are checked against: agency and date of birth. */
  public record OutcomePerson(UUID id, UUID agency, LocalDate birthDate) {}

  private final JdbcClient jdbc;
  private final PersonMatches matches;
  private final Clock clock;

  OutcomePeople(JdbcClient jdbc, PersonMatches matches, Clock clock) {
    this.jdbc = jdbc;
    this.matches = matches;
    this.clock = clock;
  }

  /**
   * Makes sure the person on supervision has a row in {@code outcomes_person}, inserting a minimal
   * one (source PLATFORM, same id) when there is none; safe to call again and concurrently.
   *
   * @return the agency of the person, empty when supervision has no such person
   */
  @Transactional
  public Optional<OrganizationId> ensurePlatformPerson(PersonId person) {
    Optional<OutcomePerson> existing = find(person.value());
    if (existing.isPresent()) {
      return existing.map(found -> new OrganizationId(found.agency()));
    }
    return matches
        .platformPerson(person)
        .map(
            platform -> {
              insert(platform);
              return platform.agency();
            });
  }

  /** Inserts the minimal row of a platform person unless it is there already. */
  void insert(PersonMatches.PlatformPerson platform) {
    // The agency's number becomes the external reference only while no imported person of the
    // agency has it, which the unique index would refuse.
    jdbc.sql(
            """
            INSERT INTO outcomes_person (id, agency_id, source, external_ref, birth_date, updated_at)
            VALUES (:id, :agency, 'PLATFORM',
              CASE WHEN NOT EXISTS (SELECT 1 FROM outcomes_person o
                WHERE o.agency_id = :agency AND o.external_ref = :ref) THEN :ref END,
              :born, :now)
            ON CONFLICT (id) DO NOTHING
            """)
        .param("id", platform.id().value())
        .param("agency", platform.agency().value())
        .param("ref", platform.agencyNumber(), java.sql.Types.VARCHAR)
        .param("born", platform.dateOfBirth())
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The person of the read model, platform or imported. */
  @Transactional(readOnly = true)
  public Optional<OutcomePerson> find(UUID id) {
    return jdbc.sql("SELECT id, agency_id, birth_date FROM outcomes_person WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new OutcomePerson(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, LocalDate.class)))
        .optional();
  }
}
