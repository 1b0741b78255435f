package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What matching reads of a person: the facts of the open case, offenses, goals; audited. */
@IntegrationTest
class SupervisionFactsIntegrationTests {

  @Autowired SupervisionFacts facts;
  @Autowired SupervisionFixtures fixtures;
  @Autowired PersonRecords people;
  @Autowired TestUsers testUsers;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void theFactsOfTheOpenCaseAndTheActiveGoalsAreReadAndAudited() {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    SupervisionFixtures.Planned planned = fixtures.planned(agency);
    PersonId person = new PersonId(planned.supervised().person());
    LocalDate born =
        people.read(SupervisionFixtures.administratorOf(agency), person).details().dateOfBirth();

    MatchingFacts read = facts.matchingFacts(SupervisionFixtures.administratorOf(agency), person);

    assertThat(read.age()).isEqualTo(Period.between(born, LocalDate.now(clock)).getYears());
    assertThat(read.gender()).isEqualTo(Gender.FEMALE);
    assertThat(read.supervisionType()).isEqualTo(SupervisionType.PROBATION);
    assertThat(read.supervisionLevel()).isEqualTo(SupervisionLevel.MODERATE);
    assertThat(read.offenses()).isEqualTo(Set.of(OffenseCategory.DUI));
    assertThat(read.language()).isEqualTo("en");
    assertThat(read.interpreterNeeded()).isFalse();
    assertThat(read.homeZip()).isNull();
    assertThat(read.goals()).extracting(MatchingFacts.PlanGoal::id).contains(planned.goal());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = :p"
                        + " AND action = 'supervision.facts.read'")
                .param("p", person.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherAgencysPersonIsNotFound() {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    PersonId theirs = new PersonId(fixtures.supervised(other).person());
    assertThatThrownBy(
            () -> facts.matchingFacts(SupervisionFixtures.administratorOf(agency), theirs))
        .isInstanceOf(NotFoundException.class);
  }
}
