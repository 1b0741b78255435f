package org.bridgeway.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.junit.jupiter.api.Test;

/** Who hears of each kind of referral change (docs/notifications.md). */
class RecipientsTest {

  final OrganizationId agency = OrganizationId.random();
  final OrganizationId provider = OrganizationId.random();
  final List<StaffMember> staff = new ArrayList<>();
  final StaffMember officer = member(agency, Role.OFFICER);
  final StaffMember agencySupervisor = member(agency, Role.SUPERVISOR);
  final StaffMember intake = member(provider, Role.PROVIDER_STAFF);
  final StaffMember caseworker = member(provider, Role.PROVIDER_STAFF);
  final StaffMember providerSupervisor = member(provider, Role.SUPERVISOR);
  final StaffMember providerAdmin = member(provider, Role.ORGANIZATION_ADMIN);
  final StaffMember disabled =
      add(new StaffMember(UserId.random(), provider, "Off", Set.of(Role.PROVIDER_STAFF), false));
  final Recipients recipients = new Recipients(new Directory());

  @Test
  void aSentReferralGoesToTheProvidersActiveStaffOnly() {
    assertThat(recipients.of(event(Change.SENT, null, officer.id())))
        .containsExactlyInAnyOrder(intake, caseworker);
  }

  @Test
  void anAssignmentGoesToTheCaseworkerAlone() {
    assertThat(recipients.of(event(Change.ASSIGNED, caseworker.id(), intake.id())))
        .containsExactly(caseworker);
  }

  @Test
  void theProvidersAnswersGoToTheReferringOfficer() {
    for (Change change :
        List.of(
            Change.ACCEPTED,
            Change.DECLINED,
            Change.WAITLISTED,
            Change.INTAKE_SCHEDULED,
            Change.STARTED,
            Change.COMPLETED,
            Change.ENDED_EARLY)) {
      assertThat(recipients.of(event(change, caseworker.id(), caseworker.id())))
          .as(change.name())
          .containsExactly(officer);
    }
  }

  @Test
  void aWithdrawalGoesToTheCaseworkerElseToTheProvidersStaff() {
    assertThat(recipients.of(event(Change.WITHDRAWN, caseworker.id(), officer.id())))
        .containsExactly(caseworker);
    assertThat(recipients.of(event(Change.AMENDED, null, officer.id())))
        .containsExactlyInAnyOrder(intake, caseworker);
  }

  @Test
  void aNearDeadlineGoesToTheProviderStaffAndTheCaseworkerOnce() {
    assertThat(recipients.of(event(Change.RESPONSE_DUE_SOON, caseworker.id(), null)))
        .containsExactlyInAnyOrder(intake, caseworker);
  }

  @Test
  void anEscalationGoesToTheProvidersSupervisorsAndAdministratorsAndTheOfficer() {
    assertThat(recipients.of(event(Change.RESPONSE_OVERDUE, null, null)))
        .containsExactlyInAnyOrder(providerSupervisor, providerAdmin, officer)
        .doesNotContain(agencySupervisor, intake);
  }

  @Test
  void theActorIsNeverNotifiedOfTheirOwnChange() {
    assertThat(recipients.of(event(Change.SENT, null, intake.id()))).containsExactly(caseworker);
  }

  @Test
  void aCaseworkerOfAnotherOrganizationIsIgnored() {
    assertThat(recipients.of(event(Change.ASSIGNED, officer.id(), null))).isEmpty();
  }

  @Test
  void anOffPlatformReferralNotifiesNobody() {
    assertThat(recipients.of(event(Change.SENT_OFF_PLATFORM, null, null))).isEmpty();
  }

  private ReferralChanged event(Change change, UserId assigned, UserId actor) {
    return new ReferralChanged(
        ReferralId.random(),
        change,
        ReferralState.SENT,
        agency,
        officer.id(),
        provider,
        assigned,
        actor,
        Instant.now(),
        1);
  }

  private StaffMember member(OrganizationId organization, Role role) {
    return add(new StaffMember(UserId.random(), organization, "Staff", Set.of(role), true));
  }

  private StaffMember add(StaffMember member) {
    staff.add(member);
    return member;
  }

  private class Directory implements StaffDirectory {
    @Override
    public Optional<StaffMember> find(UserId id) {
      return staff.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public Optional<StaffMember> findByEmail(String email) {
      return Optional.empty();
    }

    @Override
    public Optional<String> emailOf(UserId id) {
      return Optional.empty();
    }

    @Override
    public List<StaffMember> staffOf(OrganizationId organization) {
      return staff.stream().filter(m -> m.organization().equals(organization)).toList();
    }
  }
}
