package org.bridgeway.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.plan.CasePlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's facts as matching needs them ({@link MatchingFacts}): for a user who sees the person
 * (ADR 0009), audited as a read of the person's record with ids only.
 */
@Service
public class SupervisionFacts {

  private final PersonRecords people;
  private final CasePlans plans;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  SupervisionFacts(
      PersonRecords people, CasePlans plans, JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.people = people;
    this.plans = plans;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The person's matching facts, audited as {@code supervision.facts.read}.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them, alike
   */
  @Transactional
  public MatchingFacts matchingFacts(BridgewayPrincipal principal, PersonId person) {
    people.visible(principal, person);
    audit.record(
        AuditEvent.success("supervision.facts.read")
            .withRecord("person", person.value())
            .withPerson(person.value()));
    return factsOf(person);
  }

  /**
   * The person's matching facts without an access check or audit entry, for a module that has
   * checked the caller's access itself ({@link SupervisedPeople#sees}) and audits the read as part
   * of its own (matching records one entry per recommendation). Never for a caller that has not.
   *
   * @throws NotFoundException if there is no such person
   */
  @Transactional(readOnly = true)
  public MatchingFacts matchingFactsForSystem(PersonId person) {
    return factsOf(person);
  }

  private record PersonRow(
      LocalDate dateOfBirth, Gender gender, String preferredLanguage, boolean interpreterNeeded) {}

  private MatchingFacts factsOf(PersonId person) {
    // Narrow reads of what matching needs rather than the whole person aggregate: this runs for
    // every recommendation and every referral sent.
    PersonRow found =
        jdbc.sql(
                """
                SELECT date_of_birth, gender, preferred_language, interpreter_needed
                  FROM supervision_person WHERE id = :person
                """)
            .param("person", person.value())
            .query(
                (rs, n) ->
                    new PersonRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2) == null ? null : Gender.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getBoolean(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("person"));
    LocalDate today = LocalDate.now(clock);
    Integer age =
        found.dateOfBirth() == null ? null : Period.between(found.dateOfBirth(), today).getYears();
    String homeZip =
        jdbc
            .sql(
                """
                SELECT postal_code FROM supervision_person_address
                 WHERE person_id = :person AND valid_to IS NULL ORDER BY position
                """)
            .param("person", person.value())
            .query(String.class)
            .list()
            .stream()
            .filter(
                zip -> zip != null && zip.length() >= 5 && zip.substring(0, 5).matches("\\d{5}"))
            .map(zip -> zip.substring(0, 5))
            .findFirst()
            .orElse(null);

    SupervisionType type = null;
    SupervisionLevel level = null;
    List<UUID> openCases = new ArrayList<>();
    for (var row :
        jdbc.sql(
                """
                SELECT id, supervision_type, level FROM supervision_case
                WHERE person_id = :person AND status = 'OPEN'
                ORDER BY start_date DESC, created_at DESC
                """)
            .param("person", person.value())
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list()) {
      if (type == null) {
        type = SupervisionType.valueOf(row[1]);
        level = SupervisionLevel.valueOf(row[2]);
      }
      openCases.add(UUID.fromString(row[0]));
    }
    Set<OffenseCategory> offenses = EnumSet.noneOf(OffenseCategory.class);
    jdbc.sql(
            """
            SELECT DISTINCT o.category FROM supervision_case_offense o
            JOIN supervision_case c ON c.id = o.case_id
            WHERE c.person_id = :person
            """)
        .param("person", person.value())
        .query(String.class)
        .list()
        .forEach(code -> offenses.add(OffenseCategory.valueOf(code)));

    List<MatchingFacts.PlanGoal> goals = new ArrayList<>();
    for (UUID caseId : openCases) {
      plans
          .findByCase(new CaseId(caseId))
          .ifPresent(
              plan ->
                  plan.goals().stream()
                      .filter(goal -> !goal.status().ended())
                      .forEach(
                          goal ->
                              goals.add(
                                  new MatchingFacts.PlanGoal(
                                      goal.id(), goal.domain(), goal.description()))));
    }
    return new MatchingFacts(
        person,
        age,
        found.gender(),
        type,
        level,
        offenses,
        primaryLanguage(found.preferredLanguage()),
        found.interpreterNeeded(),
        homeZip,
        goals);
  }

  private static String primaryLanguage(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String language = Locale.forLanguageTag(tag.strip()).getLanguage();
    return language.isEmpty() ? null : language;
  }
}
