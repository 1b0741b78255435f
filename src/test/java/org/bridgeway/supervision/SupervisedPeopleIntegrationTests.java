package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What other modules ask about people, one at a time and for a page at once, agree. */
@IntegrationTest
class SupervisedPeopleIntegrationTests {

  @Autowired SupervisedPeople people;
  @Autowired SupervisionFixtures supervision;
  @Autowired TestUsers users;
  @Autowired CaseRecords cases;
  @Autowired MutableClock clock;

  @Test
  void aPageOfPeopleIsSeenAndEndedAsEachPersonAlone() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised own = supervision.supervised(agency);
    Supervised colleagues = supervision.supervised(agency);
    Supervised ended = supervision.supervised(agency, own.officer());
    LocalDate closedOn = LocalDate.now(clock).minusDays(3);
    cases.close(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(ended.supervisionCase()),
        ClosureReason.SUCCESSFUL_COMPLETION,
        closedOn,
        ended.caseVersion());
    Supervised elsewhere =
        supervision.supervised(users.organization(OrganizationKind.PROBATION_AGENCY));
    BridgewayPrincipal officer =
        BridgewayPrincipal.user(
            own.officer(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    List<PersonId> page =
        List.of(own, colleagues, ended, elsewhere).stream()
            .map(s -> new PersonId(s.person()))
            .toList();

    assertThat(people.seenAmong(officer, page))
        .containsExactlyInAnyOrder(new PersonId(own.person()), new PersonId(ended.person()))
        .allSatisfy(person -> assertThat(people.sees(officer, person)).isTrue());
    assertThat(page)
        .filteredOn(person -> !people.seenAmong(officer, page).contains(person))
        .allSatisfy(person -> assertThat(people.sees(officer, person)).isFalse());
    assertThat(people.seenAmong(SupervisionFixtures.administratorOf(agency), page)).hasSize(3);

    assertThat(people.supervisionEndedOn(page))
        .containsExactlyEntriesOf(java.util.Map.of(new PersonId(ended.person()), closedOn));
    assertThat(people.supervisionEndedOn(new PersonId(ended.person()))).contains(closedOn);
    assertThat(people.supervisionEndedOn(new PersonId(own.person()))).isEmpty();
  }
}
