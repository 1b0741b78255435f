package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending asks the matching module whether the person is eligible: a person with a DUI case is
 * blocked from a service that excludes DUI offenses, with the failed rule named, until the officer
 * justifies the referral; a service without that exclusion takes the same person.
 */
@IntegrationTest
class ReferralMatchingEligibilityIntegrationTests {

  @Autowired ReferralRecords referrals;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void aServiceExcludingThePersonsOffenseBlocksTheSendUntilJustified() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    BridgewayPrincipal referrer = ReferralFixtures.referrerOf(agency);
    PersonId person = new PersonId(supervision.planned(agency).supervised().person());
    UUID excluding = directory.stewardedServiceExcluding(provider, OffenseCategory.DUI);
    UUID open = directory.stewardedServiceExcluding(provider);

    ReferralView blocked = referrals.draft(referrer, person, ReferralFixtures.draft(excluding));
    assertThatThrownBy(
            () ->
                referrals.send(
                    referrer, blocked.id(), new ReferralRecords.Send(null), blocked.version()))
        .isInstanceOfSatisfying(
            IneligibleForService.class,
            e -> assertThat(e.failedRules()).containsExactly("offense"));
    assertThat(referrals.referral(referrer, blocked.id()).state()).isEqualTo(ReferralState.DRAFT);
    assertThat(
            jdbc.sql(
                    "SELECT details->>'failedRules' FROM audit_entry"
                        + " WHERE action = 'referrals.referral.send' AND record_id = :id"
                        + " AND details->>'outcome' = 'ineligible'")
                .param("id", blocked.id().value())
                .query(String.class)
                .list())
        .as("the refused attempt is audited")
        .containsExactly("offense");

    ReferralView justified =
        referrals.send(
            referrer,
            blocked.id(),
            new ReferralRecords.Send("The court ordered this program despite the exclusion"),
            blocked.version());
    assertThat(justified.state()).isEqualTo(ReferralState.SENT);

    ReferralView welcome = referrals.draft(referrer, person, ReferralFixtures.draft(open));
    assertThat(
            referrals
                .send(referrer, welcome.id(), new ReferralRecords.Send(null), welcome.version())
                .state())
        .isEqualTo(ReferralState.SENT);
  }
}
