package org.bridgeway.care.episode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralParties;
import org.bridgeway.referrals.ReferralParties.Parties;
import org.bridgeway.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a person's treatment episode when a treatment provider accepts their referral: at that
 * provider, for the directory service referred to, from the day of acceptance, on the basis of a
 * supervision condition (a referral does not say more). One episode per referral: a republished
 * event, or a second acceptance after an amendment, opens nothing more. Referrals to organizations
 * that are not treatment providers open nothing. Runs after the acceptance committed, in its own
 * transaction, as the event publication registry delivers it.
 */
@Component
class ReferralEpisodes {

  private static final Logger log = LoggerFactory.getLogger(ReferralEpisodes.class);

  private final TreatmentEpisodes episodes;
  private final ReferralParties referrals;
  private final NetworkOrganizations organizations;
  private final AuditTrail audit;
  private final Clock clock;

  ReferralEpisodes(
      TreatmentEpisodes episodes,
      ReferralParties referrals,
      NetworkOrganizations organizations,
      AuditTrail audit,
      Clock clock) {
    this.episodes = episodes;
    this.referrals = referrals;
    this.organizations = organizations;
    this.audit = audit;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ReferralChanged event) {
    if (event.change() != ReferralChanged.Change.ACCEPTED
        || event.providerOrganization() == null
        || episodes.findByReferralId(event.referral()).isPresent()) {
      return;
    }
    boolean treatmentProvider =
        organizations
            .find(event.providerOrganization())
            .filter(o -> o.kind() == OrganizationKind.TREATMENT_PROVIDER)
            .isPresent();
    if (!treatmentProvider) {
      return;
    }
    Optional<Parties> found = referrals.partiesOf(event.referral());
    if (found.isEmpty() || found.get().personBirthDate() == null) {
      log.warn(
          "Referral {} was accepted but names no person to open an episode for", event.referral());
      return;
    }
    Parties parties = found.get();
    LocalDate acceptedOn = event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    String by =
        event.actor() == null ? Actor.system().reference() : "user:" + event.actor().value();
    TreatmentEpisode episode =
        TreatmentEpisode.openFromReferral(
            TreatmentEpisodeId.random(),
            parties.referral(),
            new TreatmentEpisode.PersonShown(
                parties.person(), parties.personName(), parties.personBirthDate()),
            parties.referringOrganization(),
            event.providerOrganization(),
            parties.directoryService(),
            TreatmentBasis.SUPERVISION_CONDITION,
            acceptedOn,
            by,
            clock.instant());
    episodes.save(episode);
    audit.record(
        CareRecords.episodeEvent("care.episode.open", episode)
            .withActor(Actor.system())
            .withDetail("referral", parties.referral().toString())
            .withDetail("provider", episode.providerId().toString()));
  }
}
