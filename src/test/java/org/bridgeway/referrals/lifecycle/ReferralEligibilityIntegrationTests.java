package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The eligibility hook: an ineligible verdict blocks the send with the failed rules, unless the
 * referrer justifies it; the justification is kept on the referral, in its timeline and the audit.
 */
@IntegrationTest
@Import(ReferralEligibilityIntegrationTests.Ineligible.class)
class ReferralEligibilityIntegrationTests {

  /** Finds everyone ineligible for the services listed, by age and offense. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Ineligible {

    static final Set<ServiceId> EXCLUDING = ConcurrentHashMap.newKeySet();

    @Bean
    @Primary
    EligibilityCheck excludingEligibility() {
      return (PersonId person, ServiceId service) ->
          EXCLUDING.contains(service)
              ? new EligibilityCheck.Verdict(List.of("age", "excludedOffense"))
              : EligibilityCheck.Verdict.allowed();
    }
  }

  @Autowired ReferralRecords referrals;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void ineligiblePersonIsBlockedUnlessTheReferrerJustifiesIt() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    BridgewayPrincipal referrer = ReferralFixtures.referrerOf(agency);
    UUID service = directory.stewardedService(provider);
    Ineligible.EXCLUDING.add(new ServiceId(service));
    var person = supervision.supervised(agency);
    ReferralView draft =
        referrals.draft(referrer, new PersonId(person.person()), ReferralFixtures.draft(service));

    assertThatThrownBy(() -> referrals.send(referrer, draft.id(), new ReferralRecords.Send(" "), 0))
        .isInstanceOfSatisfying(
            IneligibleForService.class,
            e -> {
              assertThat(e.field()).isEqualTo("service");
              assertThat(e.failedRules()).containsExactly("age", "excludedOffense");
            });
    assertThat(referrals.referral(referrer, draft.id()).state()).isEqualTo(ReferralState.DRAFT);

    ReferralView sent =
        referrals.send(
            referrer,
            draft.id(),
            new ReferralRecords.Send("Provider agreed by phone to take him"),
            0);
    assertThat(sent.state()).isEqualTo(ReferralState.SENT);
    assertThat(sent.eligibilityJustification()).isEqualTo("Provider agreed by phone to take him");
    assertThat(sent.timeline())
        .extracting(TimelineEntry::kind)
        .contains(TimelineKind.ELIGIBILITY_OVERRIDDEN);
    assertThat(
            jdbc.sql(
                    "SELECT details ->> 'failedRules' FROM audit_entry WHERE record_id = :id"
                        + " AND action = 'referrals.referral.send' AND details ->> 'eligibilityOverridden' = 'true'")
                .param("id", draft.id().value())
                .query(String.class)
                .single())
        .isEqualTo("age,excludedOffense");
    assertThat(
            referrals
                .atProvider(ReferralFixtures.providerStaffOf(provider), draft.id())
                .eligibilityJustification())
        .as("the justification is the referrer's")
        .isNull();
  }
}
