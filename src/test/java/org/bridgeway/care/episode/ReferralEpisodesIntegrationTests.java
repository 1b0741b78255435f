package org.bridgeway.care.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A treatment provider's acceptance of a referral opens the person's episode there, once: from the
 * day of acceptance, for the service referred to; a redelivered acceptance opens nothing more, and
 * an acceptance by an organization that is not a treatment provider opens nothing.
 */
@IntegrationTest
class ReferralEpisodesIntegrationTests {

  @Autowired CareFixtures care;
  @Autowired ReferralFixtures referrals;
  @Autowired TestUsers users;
  @Autowired TreatmentEpisodes episodes;
  @Autowired ReferralEpisodes listener;
  @Autowired JdbcClient jdbc;

  @Test
  void anAcceptedReferralToATreatmentProviderOpensOneEpisode() {
    OrganizationId provider = care.provider();
    ReferralFixtures.Made accepted = referrals.inState(provider, ReferralState.ACCEPTED);
    ReferralId referral = new ReferralId(accepted.id());

    TreatmentEpisode opened =
        Awaitility.await("the episode of " + referral)
            .atMost(Duration.ofSeconds(20))
            .until(() -> episodes.findByReferralId(referral), Optional::isPresent)
            .orElseThrow();

    assertThat(opened.providerId()).isEqualTo(provider);
    assertThat(opened.agencyId()).isEqualTo(accepted.agency());
    assertThat(opened.personId().value()).isEqualTo(accepted.supervised().person());
    assertThat(opened.directoryServiceId()).isEqualTo(accepted.service());
    assertThat(opened.basis()).isEqualTo(TreatmentBasis.SUPERVISION_CONDITION);
    assertThat(opened.hasEnded()).isFalse();

    ReferralChanged again =
        new ReferralChanged(
            referral,
            ReferralChanged.Change.ACCEPTED,
            ReferralState.ACCEPTED,
            accepted.agency(),
            null,
            provider,
            null,
            null,
            opened.recordedAt(),
            accepted.version());
    listener.on(again);
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_episode WHERE referral_id = :id")
                .param("id", accepted.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(opened.startedOn())
        .isEqualTo(LocalDate.ofInstant(opened.recordedAt(), ZoneOffset.UTC));
  }

  @Test
  void anAcceptanceByAnotherKindOfOrganizationOpensNothing() {
    OrganizationId community = users.organization(OrganizationKind.COMMUNITY_ORGANIZATION);
    ReferralFixtures.Made accepted = referrals.inState(community, ReferralState.ACCEPTED);
    ReferralId referral = new ReferralId(accepted.id());

    listener.on(
        new ReferralChanged(
            referral,
            ReferralChanged.Change.ACCEPTED,
            ReferralState.ACCEPTED,
            accepted.agency(),
            null,
            community,
            null,
            null,
            java.time.Instant.now(),
            accepted.version()));

    assertThat(episodes.findByReferralId(referral)).isEmpty();
  }
}
